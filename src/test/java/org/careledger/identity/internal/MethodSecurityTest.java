package org.careledger.identity.internal;

import java.util.List;
import java.util.Map;

import com.vaadin.flow.router.Route;
import org.careledger.IntegrationTest;
import org.careledger.identity.DemoAccounts;
import org.careledger.identity.PatientQrCodes;
import org.careledger.identity.Role;
import org.careledger.identity.TestAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.aop.Advisor;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code @RolesAllowed} is enforced on the services at each call, and never turns a view into a proxy:
 * views are checked by Vaadin's navigation access control before they are made, and proxying one cost
 * a third of the request threads' CPU under load (Spring matched every advisor against every method of
 * the view's class again at each navigation).
 */
class MethodSecurityTest extends IntegrationTest {

    @Autowired
    ApplicationContext ctx;
    @Autowired
    PatientQrCodes qrCodes;

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    @Test
    void aServiceRefusesAnotherRoleAndNoOne() {
        assertThat(AopUtils.isAopProxy(qrCodes)).as("a service with @RolesAllowed is advised").isTrue();
        assertThatThrownBy(qrCodes::myPayload).isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        TestAccounts.signIn(DemoAccounts.DOCTOR.username(), Role.DOCTOR);
        assertThatThrownBy(qrCodes::myPayload).isInstanceOf(AccessDeniedException.class);
        TestAccounts.signIn(DemoAccounts.PATIENT.username(), Role.PATIENT);
        assertThat(qrCodes.myPayload()).startsWith("careledger:patient:");
    }

    @Test
    void noAdvisorAppliesToAView() {
        Map<String, Advisor> advisors = ctx.getBeansOfType(Advisor.class);
        assertThat(advisors.keySet()).as("the JSR-250 advisor on services").contains("jsr250OnServices");
        List<Class<?>> views = routeTargets();
        assertThat(views).as("the portal's routes").hasSizeGreaterThan(20);
        for (Class<?> view : views) {
            advisors.forEach((name, advisor) -> assertThat(AopUtils.canApply(advisor, view))
                    .as("%s would make %s a proxy", name, view.getSimpleName()).isFalse());
        }
    }

    private static List<Class<?>> routeTargets() {
        ClassPathScanningCandidateComponentProvider scan = new ClassPathScanningCandidateComponentProvider(false);
        scan.addIncludeFilter(new AnnotationTypeFilter(Route.class));
        return scan.findCandidateComponents("org.careledger").stream()
                .map(BeanDefinition::getBeanClassName)
                .<Class<?>>map(name -> ClassUtils.resolveClassName(name, MethodSecurityTest.class.getClassLoader()))
                .toList();
    }
}

package org.careledger.ui;

import java.util.List;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.Route;
import io.github.classgraph.ClassGraph;
import io.github.classgraph.ScanResult;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinSession;
import org.careledger.IntegrationTest;
import org.careledger.identity.Role;
import org.careledger.identity.TestAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

/**
 * Browserless view tests (Karibu-Testing) on the shared Spring context. Karibu 2.5.0 has no Spring
 * Security support, so {@link #login} signs in by hand: an authenticated token in Spring Security's
 * context (thread and Vaadin session, which Vaadin's security-context strategy reads first) and the
 * same principal and role on Karibu's fake request, which Vaadin's navigation access control reads.
 */
public abstract class KaribuTest extends IntegrationTest {

    /**
     * Karibu's {@code autoDiscoverViews} finds only public classes, and most of our views are
     * package-private, so the routes and error views are found here with ClassGraph.
     */
    protected static final Routes routes = discoverRoutes();

    @SuppressWarnings("unchecked")
    private static Routes discoverRoutes() {
        Routes found = new Routes().autoDiscoverViews("org.careledger");
        try (ScanResult scan = new ClassGraph().enableClassInfo().enableAnnotationInfo().ignoreClassVisibility()
                .acceptPackages("org.careledger").scan()) {
            scan.getClassesWithAnnotation(Route.class.getName()).loadClasses()
                    .forEach(c -> found.getRoutes().add((Class<? extends Component>) c));
            List<Class<?>> errorViews = scan.getClassesImplementing(HasErrorParameter.class.getName()).loadClasses();
            // our access-denied and not-found pages replace Karibu's stand-ins for the same exceptions
            found.getErrorRoutes().removeIf(c -> !errorViews.isEmpty()
                    && (c.getSimpleName().equals("MockRouteAccessDeniedError") || c.getSimpleName().equals("MockRouteNotFoundError")));
            errorViews.forEach(c -> found.getErrorRoutes().add((Class<? extends HasErrorParameter<?>>) c));
        }
        return found;
    }

    @Autowired
    protected ApplicationContext ctx;

    @BeforeEach
    void setUpVaadin() {
        MockVaadin.setup(UI::new, new MockSpringServlet(routes, ctx, UI::new));
    }

    @AfterEach
    void tearDownVaadin() {
        MockVaadin.tearDown();
        SecurityContextHolder.clearContext();
    }

    protected void login(String username, Role role) {
        UsernamePasswordAuthenticationToken auth = UsernamePasswordAuthenticationToken.authenticated(username, null,
                List.of(new SimpleGrantedAuthority(role.authority())));
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(auth);
        SecurityContextHolder.setContext(context);
        VaadinSession.getCurrent().getSession()
                .setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
        FakeRequest request = (FakeRequest) ((VaadinServletRequest) VaadinRequest.getCurrent()).getRequest();
        request.setUserPrincipalInt(auth);
        request.setUserInRole((principal, name) -> name.equals(role.name()) || name.equals(role.authority()));
    }

    protected TestAccounts accounts() {
        return new TestAccounts(ctx);
    }
}

package org.careledger.identity.internal;

import java.time.Duration;
import java.util.List;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.careledger.IntegrationTest;
import org.careledger.TestClock;
import org.careledger.identity.AccountAdministration;
import org.careledger.identity.DemoAccounts;
import org.careledger.identity.Role;
import org.careledger.identity.SecurityEvent;
import org.careledger.identity.SecurityEventLog;
import org.careledger.identity.TestAccounts;
import org.careledger.identity.UserProfile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.WebAttributes;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;

/**
 * Sign-in through the real Spring Security filter chain. MockMvc is built by hand from the shared
 * context (not with {@code @AutoConfigureMockMvc}), so no second context starts.
 */
class LoginFlowTest extends IntegrationTest {

    @Autowired
    WebApplicationContext web;
    @Autowired
    ApplicationContext ctx;
    @Autowired
    TestClock clock;
    @Autowired
    AccountAdministration administration;
    @Autowired
    SecurityEventLog securityEvents;
    @Autowired
    org.springframework.security.core.session.SessionRegistry sessionRegistry;

    private static final String GUESSER = "203.0.113.66";
    private static final String OWNER = "198.51.100.200";

    MockMvc mvc;
    TestAccounts accounts;
    ListAppender<ILoggingEvent> securityLog;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(web)
                .apply(org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity())
                .build();
        accounts = new TestAccounts(ctx);
        securityLog = new ListAppender<>();
        securityLog.start();
        ((Logger) LoggerFactory.getLogger("careledger.security")).addAppender(securityLog);
    }

    @AfterEach
    void tearDown() {
        clock.reset();
        TestAccounts.signOut();
        ((Logger) LoggerFactory.getLogger("careledger.security")).detachAppender(securityLog);
    }

    private MvcResult signIn(MockHttpSession session, String username, String password) throws Exception {
        return mvc.perform(post("/login").session(session).param("username", username).param("password", password).with(csrf()))
                .andReturn();
    }

    /** Posts the sign-in form as a browser at {@code client} would (the address Tomcat reports for it). */
    private ResultActions signInFrom(String client, String username, String password) throws Exception {
        return mvc.perform(post("/login").param("username", username).param("password", password).with(csrf())
                .with(request -> {
                    request.setRemoteAddr(client);
                    return request;
                }));
    }

    /** The outcomes of the LOGIN lines logged for {@code username}, in order. */
    private List<String> loginOutcomes(String username) {
        String prefix = "event=LOGIN user=" + username + " outcome=";
        return securityLog.list.stream().map(ILoggingEvent::getFormattedMessage).filter(line -> line.startsWith(prefix))
                .map(line -> line.substring(prefix.length(), line.indexOf(" at=")))
                .toList();
    }

    private static Object lastException(MvcResult result) {
        return result.getRequest().getSession().getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
    }

    private static MockHttpSession sessionOf(MvcResult result) {
        return (MockHttpSession) result.getRequest().getSession(false);
    }

    @Test
    void aCorrectPasswordSignsInRedirectsHomeAndIssuesANewSessionId() throws Exception {
        UserProfile doctor = accounts.active(Role.DOCTOR);
        MockHttpSession before = new MockHttpSession();
        String idBefore = before.getId();

        MvcResult result = mvc.perform(post("/login").session(before).param("username", doctor.username().toUpperCase())
                        .param("password", TestAccounts.PASSWORD).with(csrf()))
                .andExpect(redirectedUrl("/"))
                .andExpect(authenticated().withUsername(doctor.username()).withRoles("DOCTOR"))
                .andReturn();

        assertThat(sessionOf(result).getId()).as("a session id known before sign-in is useless after it").isNotEqualTo(idBefore);
        assertThat(before.getId()).as("the session's id itself was changed (changeSessionId)").isNotEqualTo(idBefore);
    }

    @Test
    void theDemoAdminSignsInWithSpringSecuritysFormLogin() throws Exception {
        mvc.perform(formLogin("/login").user(DemoAccounts.ADMIN.username()).password(DemoAccounts.ADMIN.password()))
                .andExpect(redirectedUrl("/"))
                .andExpect(authenticated().withRoles("ADMIN"));
    }

    @Test
    void theLoginPageIsThePortalsOwnNeverSpringSecuritysGeneratedForm() throws Exception {
        String page = mvc.perform(get("/login")).andReturn().getResponse().getContentAsString();
        assertThat(page).as("Spring Security's default sign-in page must never stand in for the portal's")
                .doesNotContain("Please sign in").doesNotContain("<form class=\"login-form\"");
    }

    @Test
    void withoutSignInAPageRedirectsToTheLoginPage() throws Exception {
        mvc.perform(get("/admin")).andExpect(redirectedUrlPattern("**/login"));
    }

    @Test
    void aWrongPasswordAndAnUnknownUserGetTheSameMessage() throws Exception {
        UserProfile patient = accounts.active(Role.PATIENT);

        MvcResult wrongPassword = mvc.perform(post("/login").param("username", patient.username())
                        .param("password", "not-the-password").with(csrf()))
                .andExpect(redirectedUrl("/login?error")).andExpect(unauthenticated()).andReturn();
        MvcResult unknownUser = mvc.perform(post("/login").param("username", TestAccounts.uniqueEmail("nobody"))
                        .param("password", TestAccounts.PASSWORD).with(csrf()))
                .andExpect(redirectedUrl("/login?error")).andExpect(unauthenticated()).andReturn();

        assertThat(lastException(wrongPassword)).isInstanceOf(AuthenticationException.class);
        assertThat(((Exception) lastException(wrongPassword)).getMessage())
                .isEqualTo("Incorrect username or password, or too many attempts; try again later.")
                .isEqualTo(((Exception) lastException(unknownUser)).getMessage());
        assertThat(lastException(unknownUser).getClass()).isEqualTo(lastException(wrongPassword).getClass());
    }

    @Test
    void aFailedSignInKeepsTheTypedUsernameForTheFormInTheSessionNeverInTheAddress() throws Exception {
        UserProfile patient = accounts.active(Role.PATIENT);
        MockHttpSession session = new MockHttpSession();

        MvcResult failed = mvc.perform(post("/login").session(session).param("username", " " + patient.username() + " ")
                        .param("password", "not-the-password").with(csrf()))
                .andExpect(redirectedUrl("/login?error")).andExpect(unauthenticated()).andReturn();

        assertThat(failed.getRequest().getSession().getAttribute(SignInFailureHandler.LAST_USERNAME)).isEqualTo(patient.username());
        assertThat(failed.getResponse().getRedirectedUrl()).doesNotContain(patient.username());
        assertThat(lastException(failed)).isInstanceOf(AuthenticationException.class);
    }

    @Test
    void afterFiveFailuresEvenTheRightPasswordIsRefusedUntilTheDelayHasPassed() throws Exception {
        UserProfile pharmacist = accounts.active(Role.PHARMACIST);
        for (int i = 0; i < 5; i++) {
            signIn(new MockHttpSession(), pharmacist.username(), "wrong-guess-" + i);
        }

        MvcResult locked = mvc.perform(post("/login").param("username", pharmacist.username())
                        .param("password", TestAccounts.PASSWORD).with(csrf()))
                .andExpect(redirectedUrl("/login?error")).andExpect(unauthenticated()).andReturn();
        assertThat(((Exception) lastException(locked)).getMessage())
                .isEqualTo("Incorrect username or password, or too many attempts; try again later.");

        clock.advance(Duration.ofSeconds(31));
        mvc.perform(post("/login").param("username", pharmacist.username()).param("password", TestAccounts.PASSWORD).with(csrf()))
                .andExpect(redirectedUrl("/")).andExpect(authenticated());
    }

    @Test
    void fiveWrongPasswordsFromOneClientDoNotStopTheOwnerSigningInFromAnother() throws Exception {
        UserProfile pharmacist = accounts.active(Role.PHARMACIST);
        for (int i = 0; i < 5; i++) {
            signInFrom(GUESSER, pharmacist.username(), "wrong-guess-" + i);
        }

        signInFrom(GUESSER, pharmacist.username(), TestAccounts.PASSWORD)
                .andExpect(redirectedUrl("/login?error")).andExpect(unauthenticated());
        signInFrom(OWNER, pharmacist.username(), TestAccounts.PASSWORD)
                .andExpect(redirectedUrl("/")).andExpect(authenticated().withUsername(pharmacist.username()));

        clock.advance(Duration.ofSeconds(31));
        signInFrom(GUESSER, pharmacist.username(), TestAccounts.PASSWORD).andExpect(authenticated());
    }

    @Test
    void aHundredFailuresWithinAnHourFromManyClientsLockTheUsernameForEveryClientUntilTheHourIsOver() throws Exception {
        UserProfile doctor = accounts.active(Role.DOCTOR);
        for (int i = 0; i < 99; i++) {
            signInFrom("198.51.100." + (1 + i / 4), doctor.username(), "wrong-guess-" + i);  // 4 a client: none is throttled
        }
        // below the ceiling, other clients' failures do not stop the owner, nor does the owner's success reset the count
        signInFrom(OWNER, doctor.username(), TestAccounts.PASSWORD).andExpect(authenticated());

        signInFrom("198.51.100.25", doctor.username(), "wrong-guess-99");

        signInFrom(OWNER, doctor.username(), TestAccounts.PASSWORD)
                .andExpect(redirectedUrl("/login?error")).andExpect(unauthenticated());
        signInFrom("192.0.2.200", doctor.username(), TestAccounts.PASSWORD).andExpect(unauthenticated());
        clock.advance(Duration.ofHours(1));
        signInFrom(OWNER, doctor.username(), TestAccounts.PASSWORD).andExpect(authenticated());
    }

    @Test
    void anUnknownUsernameIsThrottledPerClientExactlyLikeAKnownOne() throws Exception {
        String unknown = TestAccounts.uniqueEmail("nobody");
        String known = accounts.active(Role.PATIENT).username();
        for (String username : List.of(unknown, known)) {
            for (int i = 0; i < 6; i++) {
                signInFrom(GUESSER, username, "wrong-guess-" + i);
            }
            signInFrom(OWNER, username, "wrong-guess-6");
        }

        List<String> expected = List.of("failure", "failure", "failure", "failure", "failure: now locked", "refused: locked", "failure");
        assertThat(loginOutcomes(unknown)).isEqualTo(expected);
        assertThat(loginOutcomes(known)).isEqualTo(expected);
    }

    @Test
    void aPendingUserWithTheRightPasswordLearnsTheRegistrationAwaitsApproval() throws Exception {
        UserProfile pending = accounts.pending(Role.PATIENT);

        MvcResult result = mvc.perform(post("/login").param("username", pending.username())
                        .param("password", TestAccounts.PASSWORD).with(csrf()))
                .andExpect(redirectedUrl("/login?error")).andExpect(unauthenticated()).andReturn();

        assertThat(lastException(result)).isInstanceOf(AccountNotActiveException.class)
                .extracting(e -> ((Exception) e).getMessage()).asString()
                .contains("waiting for an administrator's approval");
    }

    @Test
    void aPendingUserWithAWrongPasswordLearnsNothingAboutTheAccount() throws Exception {
        UserProfile pending = accounts.pending(Role.PATIENT);
        MvcResult result = signIn(new MockHttpSession(), pending.username(), "wrong-password");
        assertThat(lastException(result)).isNotInstanceOf(AccountNotActiveException.class);
        assertThat(((Exception) lastException(result)).getMessage())
                .isEqualTo("Incorrect username or password, or too many attempts; try again later.");
    }

    @Test
    void aRejectedUserIsToldTheAdminsReason() throws Exception {
        UserProfile pending = accounts.pending(Role.DOCTOR);
        accounts.asAdmin(() -> administration.reject(pending.id(), "Registration number unknown to the GMC"));

        MvcResult result = signIn(new MockHttpSession(), pending.username(), TestAccounts.PASSWORD);

        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/login?error");
        assertThat(lastException(result)).isInstanceOf(AccountNotActiveException.class);
        assertThat(((Exception) lastException(result)).getMessage())
                .isEqualTo("Your registration was not approved. Reason given: Registration number unknown to the GMC");
    }

    @Test
    void aDisabledUserIsToldTheAccountIsDisabled() throws Exception {
        UserProfile doctor = accounts.active(Role.DOCTOR);
        accounts.asAdmin(() -> administration.disable(doctor.id()));

        MvcResult result = signIn(new MockHttpSession(), doctor.username(), TestAccounts.PASSWORD);

        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/login?error");
        assertThat(((Exception) lastException(result)).getMessage())
                .isEqualTo("This account has been disabled. Please contact your administrator.");
    }

    @Test
    void aSignedInUserWhoIsDisabledIsSentToTheLoginPageOnTheNextRequest() throws Exception {
        UserProfile patient = accounts.active(Role.PATIENT);
        MockHttpSession session = sessionOf(signIn(new MockHttpSession(), patient.username(), TestAccounts.PASSWORD));
        // (a GET that passes the filter chain would reach Vaadin's servlet, which MockMvc lacks)
        assertThat(sessionRegistry.getSessionInformation(session.getId())).isNotNull()
                .satisfies(info -> assertThat(info.isExpired()).isFalse());

        accounts.asAdmin(() -> administration.disable(patient.id()));

        assertThat(sessionRegistry.getSessionInformation(session.getId()).isExpired()).isTrue();
        mvc.perform(get("/patient").session(session)).andExpect(redirectedUrl("/login?ended")).andExpect(unauthenticated());
        assertThat(session.isInvalid()).isTrue();
    }

    @Test
    void aResetPasswordEndsTheUsersSessions() throws Exception {
        UserProfile doctor = accounts.active(Role.DOCTOR);
        MockHttpSession session = sessionOf(signIn(new MockHttpSession(), doctor.username(), TestAccounts.PASSWORD));

        accounts.asAdmin(() -> administration.resetPassword(doctor.id()));

        mvc.perform(get("/doctor").session(session)).andExpect(redirectedUrl("/login?ended"));
    }

    @Test
    void signingOutEndsTheSession() throws Exception {
        UserProfile pharmacist = accounts.active(Role.PHARMACIST);
        MockHttpSession session = sessionOf(signIn(new MockHttpSession(), pharmacist.username(), TestAccounts.PASSWORD));

        mvc.perform(post("/logout").session(session).with(csrf())).andExpect(redirectedUrl("/login?logout"));

        assertThat(session.isInvalid()).isTrue();
        mvc.perform(get("/pharmacist").session(session)).andExpect(unauthenticated()).andExpect(redirectedUrlPattern("**/login"));
    }

    @Test
    void aFailedSignInIsLoggedWithUserAndOutcomeButNeverThePassword() throws Exception {
        String user = TestAccounts.uniqueEmail("logged");
        String password = "Secret-Guess-7731";
        signIn(new MockHttpSession(), user, password);

        List<String> lines = securityLog.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("event=LOGIN", "user=" + user, "outcome=failure"));
        assertThat(lines).noneMatch(line -> line.contains(password));
    }

    @Test
    void aSuccessfulSignInIsLogged() throws Exception {
        UserProfile doctor = accounts.active(Role.DOCTOR);
        signIn(new MockHttpSession(), doctor.username(), TestAccounts.PASSWORD);
        assertThat(securityLog.list).extracting(ILoggingEvent::getFormattedMessage)
                .anySatisfy(line -> assertThat(line).contains("event=LOGIN", "user=" + doctor.username(), "outcome=success"))
                .noneMatch(line -> line.contains(TestAccounts.PASSWORD));
    }

    @Test
    void aFailedSignInThroughTheFormIsStoredWithTheClientAddressTheFormPostCameFrom() throws Exception {
        String user = TestAccounts.uniqueEmail("stored");
        signInFrom("203.0.113.77", user, "Secret-Guess-7731");

        List<SecurityEvent> stored = TestAccounts.as(DemoAccounts.ADMIN.username(), Role.ADMIN, () -> securityEvents.forUsername(user, 10));
        assertThat(stored).singleElement().satisfies(e -> {
            assertThat(e.event()).isEqualTo("LOGIN");
            assertThat(e.outcome()).isEqualTo("failure");
            assertThat(e.client()).isEqualTo("203.0.113.77");
        });
    }

    @Test
    void aUsernameWithALineBreakCannotForgeALogLine() throws Exception {
        signIn(new MockHttpSession(), "eve@example.org\nevent=LOGIN user=admin outcome=success", "whatever-pass");
        assertThat(securityLog.list).extracting(ILoggingEvent::getFormattedMessage)
                .noneMatch(line -> line.contains("\n"));
    }
}

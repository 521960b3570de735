package org.careledger.identity;

import java.util.List;

import org.careledger.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Every security event the log gets is also stored, for the admins to read: time, event, user,
 * outcome, actor and client address, never a password, and even when the caller's work rolls back.
 */
class SecurityEventLogTest extends IntegrationTest {

    @Autowired
    ApplicationContext ctx;
    @Autowired
    SecurityEventLog securityEvents;
    @Autowired
    AccountAdministration administration;
    @Autowired
    AuthenticationProvider authenticationProvider;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcClient jdbc;

    TestAccounts accounts;

    @BeforeEach
    void setUp() {
        accounts = new TestAccounts(ctx);
        TestAccounts.signIn(DemoAccounts.ADMIN.username(), Role.ADMIN);
    }

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    private void signInFrom(String client, String username, String password) {
        UsernamePasswordAuthenticationToken attempt = UsernamePasswordAuthenticationToken.unauthenticated(username, password);
        attempt.setDetails(new WebAuthenticationDetails(client, null));
        try {
            authenticationProvider.authenticate(attempt);
        } catch (AuthenticationException refused) {
            // the stored event is what is looked at
        }
    }

    @Test
    void anAdminsDecisionIsStoredWithTheAdminAsActor() {
        UserProfile pending = accounts.pending(Role.PATIENT);
        administration.approve(pending.id());

        assertThat(securityEvents.forUsername(pending.username(), 10)).extracting(SecurityEvent::event, SecurityEvent::outcome, SecurityEvent::actor)
                .containsExactly(
                        tuple("APPROVAL", "approved PATIENT", DemoAccounts.ADMIN.username()),
                        tuple("REGISTRATION", "pending PATIENT", null));
    }

    @Test
    void aFailedSignInIsStoredWithItsClientAddressButNeverThePassword() {
        String username = TestAccounts.uniqueEmail("stored");
        String password = "Secret-Guess-4471";
        signInFrom("203.0.113.41", username.toUpperCase(), password);

        List<SecurityEvent> stored = securityEvents.forUsername(username, 10);
        assertThat(stored).singleElement().satisfies(e -> {
            assertThat(e.event()).isEqualTo("LOGIN");
            assertThat(e.username()).isEqualTo(username);
            assertThat(e.outcome()).isEqualTo("failure");
            assertThat(e.client()).isEqualTo("203.0.113.41");
            assertThat(e.at()).isNotNull();
        });
        assertThat(jdbc.sql("SELECT COUNT(*) FROM security_events WHERE event LIKE :p OR username LIKE :p OR outcome LIKE :p"
                        + " OR actor LIKE :p OR client LIKE :p").param("p", "%" + password + "%").query(Long.class).single())
                .isZero();
    }

    @Test
    void aFailedSignInIsStoredEvenWhenTheCallersTransactionRollsBack() {
        String username = TestAccounts.uniqueEmail("rolled-back");
        transactions.executeWithoutResult(status -> {
            signInFrom("203.0.113.42", username, "wrong-password");
            status.setRollbackOnly();
        });

        assertThat(securityEvents.forUsername(username, 10)).extracting(SecurityEvent::outcome).containsExactly("failure");
    }

    @Test
    void storedTextIsOneLineAsTheLogHasIt() {
        signInFrom("203.0.113.43", "eve@example.org\nevent=LOGIN user=admin outcome=success", "whatever-pass");

        assertThat(securityEvents.latest(20)).extracting(SecurityEvent::username)
                .contains("eve@example.org_event=login user=admin outcome=success")
                .noneMatch(name -> name != null && name.contains("\n"));
    }

    @Test
    void theLatestComeFirstAndTheListIsBounded() {
        String username = TestAccounts.uniqueEmail("order");
        for (int i = 0; i < 3; i++) {
            signInFrom("203.0.113.5" + i, username, "wrong-" + i);
        }

        assertThat(securityEvents.forUsername(username, 2)).extracting(SecurityEvent::client)
                .containsExactly("203.0.113.52", "203.0.113.51");
        assertThat(securityEvents.latest(1)).hasSize(1);
        assertThat(securityEvents.latest(1_000_000)).hasSizeLessThanOrEqualTo(SecurityEventLog.MAX_LIMIT);
    }

    @Test
    void onlyAdminsReadTheSecurityEvents() {
        for (Role role : new Role[] {Role.PATIENT, Role.DOCTOR, Role.PHARMACIST}) {
            TestAccounts.signIn(role.name().toLowerCase() + "@careledger.test", role);
            assertThatThrownBy(() -> securityEvents.latest(10)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> securityEvents.forUsername("jane@example.org", 10)).isInstanceOf(AccessDeniedException.class);
        }
    }
}

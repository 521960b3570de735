package org.careledger.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.careledger.Await;
import org.careledger.IntegrationTest;
import org.careledger.common.InvalidInputException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** The admins' security event list filtered by user, kind and time, a page at a time, newest first. */
class SecurityEventFiltersTest extends IntegrationTest {

    @Autowired
    ApplicationContext ctx;
    @Autowired
    SecurityEventLog log;
    @Autowired
    AccountAdministration administration;
    @Autowired
    AuthenticationProvider authenticationProvider;
    @Autowired
    Clock clock;

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

    @Test
    void signInsFailuresLockoutsAndRoleChangesAreStoredAndFoundByUserAndKind() {
        UserProfile doctor = accounts.active(Role.DOCTOR);
        signInFrom("203.0.113.60", doctor.username(), TestAccounts.PASSWORD);
        for (int i = 0; i < 5; i++) {
            signInFrom("203.0.113.61", doctor.username(), "wrong-guess-" + i);
        }
        administration.changeRole(doctor.id(), Role.PHARMACIST);

        assertThat(events(doctor.username().toUpperCase(), "LOGIN")).extracting(SecurityEvent::outcome)
                .containsExactly("failure: now locked", "failure", "failure", "failure", "failure", "success");
        assertThat(events(doctor.username(), "LOCK")).extracting(SecurityEvent::outcome, SecurityEvent::client)
                .containsExactly(tuple("this client refused after repeated failures", "203.0.113.61"));
        assertThat(events(doctor.username(), "ROLE_CHANGE")).extracting(SecurityEvent::outcome, SecurityEvent::actor)
                .containsExactly(tuple("DOCTOR->PHARMACIST", DemoAccounts.ADMIN.username()));
        assertThat(events(doctor.username(), null)).extracting(SecurityEvent::event).contains("LOGIN", "LOCK", "ROLE_CHANGE");
        assertThat(events(DemoAccounts.ADMIN.username(), "ROLE_CHANGE")).as("the acting admin finds what they did")
                .anyMatch(e -> doctor.username().equals(e.username()));
        assertThat(log.kinds()).contains("LOGIN", "LOCK", "ROLE_CHANGE", "EMERGENCY_ACCESS", "SEALING_PAUSED", "INTEGRITY_AUDIT");
    }

    @Test
    void aTimeRangeTakesTheEventsFromItsStartUpToItsEnd() {
        String user = TestAccounts.uniqueEmail("window");
        signInFrom("203.0.113.70", user, "wrong-before");
        Instant start = after(last(user).at());
        signInFrom("203.0.113.71", user, "wrong-within-1");
        signInFrom("203.0.113.72", user, "wrong-within-2");
        Instant end = after(last(user).at());
        signInFrom("203.0.113.73", user, "wrong-after");

        assertThat(log.page(new SecurityEventFilter(user, null, start, end), null, 10).events()).extracting(SecurityEvent::client)
                .containsExactly("203.0.113.72", "203.0.113.71");
        assertThat(log.page(new SecurityEventFilter(user, "LOGIN", start, null), null, 10).events()).extracting(SecurityEvent::client)
                .containsExactly("203.0.113.73", "203.0.113.72", "203.0.113.71");
        assertThat(log.page(new SecurityEventFilter(user, null, null, start), null, 10).events()).extracting(SecurityEvent::client)
                .containsExactly("203.0.113.70");
    }

    @Test
    void pagesFollowEachOtherNewestFirstWithoutGapOrRepeat() {
        String user = TestAccounts.uniqueEmail("pages");
        for (int i = 0; i < 7; i++) {
            signInFrom("198.51.100." + i, user, "wrong-" + i);
        }
        SecurityEventFilter filter = new SecurityEventFilter(user, null, null, null);
        List<String> seen = new ArrayList<>();
        List<Boolean> more = new ArrayList<>();
        Long cursor = null;
        do {
            SecurityEventPage page = log.page(filter, cursor, 3);
            page.events().forEach(e -> seen.add(e.client()));
            more.add(page.hasOlder());
            cursor = page.olderCursor().orElse(null);
        } while (cursor != null);

        assertThat(seen).containsExactly("198.51.100.6", "198.51.100.5", "198.51.100.4", "198.51.100.3", "198.51.100.2",
                "198.51.100.1", "198.51.100.0");
        assertThat(more).containsExactly(true, true, false);
        assertThat(log.page(SecurityEventFilter.ANY, null, 1_000_000).events()).hasSizeLessThanOrEqualTo(SecurityEventLog.MAX_PAGE);
        assertThat(log.page(SecurityEventFilter.ANY, null, 0).events()).hasSize(1);
    }

    @Test
    void aFilterThatCannotBeMetIsRefusedFieldByField() {
        Instant now = clock.instant();
        assertThatThrownBy(() -> log.page(new SecurityEventFilter("eve@example.org\nevent=LOGIN", "login; DROP", now, now.minusSeconds(1)),
                null, 10))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors())
                        .containsEntry("user", "Use one line, without control characters")
                        .containsEntry("kind", "Choose a kind from the list, such as LOGIN or ROLE_CHANGE")
                        .containsEntry("to", "The end must come after the start"));
        assertThat(log.page(new SecurityEventFilter("  ", " ", null, null), null, 5).events()).as("blank means any").hasSize(5);
    }

    @Test
    void onlyAdminsFilterTheSecurityEvents() {
        for (Role role : new Role[] {Role.PATIENT, Role.DOCTOR, Role.PHARMACIST}) {
            TestAccounts.signIn(role.name().toLowerCase() + "@careledger.test", role);
            assertThatThrownBy(() -> log.page(SecurityEventFilter.ANY, null, 10)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> log.kinds()).isInstanceOf(AccessDeniedException.class);
        }
    }

    private List<SecurityEvent> events(String user, String kind) {
        return log.page(new SecurityEventFilter(user, kind, null, null), null, 50).events();
    }

    private SecurityEvent last(String user) {
        return events(user, null).get(0);
    }

    /** A moment after {@code at} (the clock has moved past it), so events before and after it are told apart. */
    private Instant after(Instant at) {
        Await.until("the clock passes " + at, () -> clock.instant().isAfter(at));
        return clock.instant();
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
}

package org.careledger.inbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.careledger.IntegrationTest;
import org.careledger.identity.AccountAdministration;
import org.careledger.identity.DemoAccounts;
import org.careledger.identity.Role;
import org.careledger.identity.TestAccounts;
import org.careledger.identity.UserDirectory;
import org.careledger.identity.UserProfile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The upgrade that gave notifications their subjects: the registration notices sent before it are
 * tied to their applicant, and those an admin has decided since show as handled, saying by whom.
 */
class NotificationSubjectsMigrationTest extends IntegrationTest {

    private static final String MIGRATION = "db/migration/V202612071530__inbox_notification_subjects.sql";

    @Autowired
    ApplicationContext ctx;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Inbox inbox;

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    @Test
    void oldRegistrationNoticesAreTiedToTheirApplicantAndThoseDecidedSinceAreHandled() throws IOException {
        TestAccounts accounts = new TestAccounts(ctx);
        UserProfile admin = ctx.getBean(UserDirectory.class).findByUsername(DemoAccounts.ADMIN.username()).orElseThrow();
        UserProfile approved = accounts.pending(Role.PATIENT);
        UserProfile waiting = accounts.pending(Role.DOCTOR);
        accounts.asAdmin(() -> ctx.getBean(AccountAdministration.class).approve(approved.id()));
        long approvedNotice = oldNotice(admin, approved, "patient");
        long waitingNotice = oldNotice(admin, waiting, "doctor");

        backfill();

        TestAccounts.signIn(admin.username(), Role.ADMIN);
        assertThat(message(approvedNotice)).satisfies(m -> {
            assertThat(m.handled()).isTrue();
            assertThat(m.unread()).isFalse();
            assertThat(m.outcome()).isEqualTo("Approved by " + DemoAccounts.ADMIN.fullName());
        });
        assertThat(message(waitingNotice).unread()).isTrue();

        accounts.asAdmin(() -> ctx.getBean(AccountAdministration.class).reject(waiting.id(), "No such registration number"));

        assertThat(message(waitingNotice)).satisfies(m -> {
            assertThat(m.unread()).isFalse();
            assertThat(m.outcome()).isEqualTo("Rejected by you");
        });
    }

    @Test
    void oldAccessRequestNoticesAreTiedToTheirDoctorSoThePatientsNextAnswerSettlesThem() throws IOException {
        TestAccounts accounts = new TestAccounts(ctx);
        UserProfile doctor = accounts.active(Role.DOCTOR);
        UserProfile patient = accounts.active(Role.PATIENT);
        jdbc.update("INSERT INTO notifications (recipient_id, title, body, link, created_at) VALUES (?, ?, ?, 'patient/consents', CURRENT_TIMESTAMP)",
                patient.id().value(), "Access request from " + doctor.fullName(), doctor.fullName() + " asks to see your allergy records.");
        long notice = jdbc.queryForObject("SELECT MAX(id) FROM notifications", Long.class);

        backfill();
        ctx.getBean(org.springframework.transaction.support.TransactionTemplate.class).executeWithoutResult(tx ->
                inbox.settle(org.careledger.inbox.internal.Subject.accessRequest(patient.id(), doctor.id()), patient.id(),
                        "You granted this request", "Granted"));

        TestAccounts.signIn(patient.username(), Role.PATIENT);
        assertThat(message(notice)).satisfies(m -> {
            assertThat(m.unread()).isFalse();
            assertThat(m.outcome()).isEqualTo("You granted this request");
        });
    }

    /** A notice as the inbox wrote it before subjects: the applicant named only in its text. */
    private long oldNotice(UserProfile admin, UserProfile applicant, String role) {
        jdbc.update("INSERT INTO notifications (recipient_id, title, body, link, created_at) VALUES (?, ?, ?, 'admin', CURRENT_TIMESTAMP)",
                admin.id().value(), "New registration to review", applicant.fullName() + " registered as " + role + " and is waiting for approval.");
        return jdbc.queryForObject("SELECT MAX(id) FROM notifications", Long.class);
    }

    /** The migration's data statements, run again over the rows written above (its columns exist already). */
    private void backfill() throws IOException {
        String sql = new ClassPathResource(MIGRATION).getContentAsString(StandardCharsets.UTF_8);
        List<String> statements = Arrays.stream(sql.split(";"))
                .map(s -> s.lines().filter(line -> !line.strip().startsWith("--")).reduce("", (a, b) -> a + "\n" + b).strip())
                .filter(s -> s.startsWith("UPDATE"))
                .toList();
        assertThat(statements).hasSize(4);
        statements.forEach(jdbc::update);
    }

    private InboxMessage message(long id) {
        return inbox.mine().stream().filter(m -> m.id() == id).findFirst().orElseThrow();
    }
}

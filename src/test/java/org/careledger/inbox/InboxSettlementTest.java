package org.careledger.inbox;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.careledger.Await;
import org.careledger.IntegrationTest;
import org.careledger.contracts.Purpose;
import org.careledger.contracts.RecordCategory;
import org.careledger.identity.AccountAdministration;
import org.careledger.identity.DemoAccounts;
import org.careledger.identity.Role;
import org.careledger.identity.TestAccounts;
import org.careledger.identity.UserProfile;
import org.careledger.records.AccessRequestView;
import org.careledger.records.DoctorConsent;
import org.careledger.records.DoctorRecords;
import org.careledger.records.EmergencyView;
import org.careledger.records.EntryContent;
import org.careledger.records.EntryId;
import org.careledger.records.PatientRecords;
import org.careledger.records.RecordsAdministration;
import org.careledger.records.PatientConsent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inbox agrees with the services: what one person settles is shown handled, and no longer
 * unread, in the inbox of everyone who was asked.
 */
class InboxSettlementTest extends IntegrationTest {

    @Autowired
    ApplicationContext ctx;
    @Autowired
    Inbox inbox;
    @Autowired
    AccountAdministration administration;

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    @Test
    void aRegistrationIsHandledForEveryAdminOnceOneApprovesIt() {
        TestAccounts accounts = new TestAccounts(ctx);
        UserProfile secondAdmin = accounts.asAdmin(() -> administration.changeRole(accounts.active(Role.DOCTOR).id(), Role.ADMIN));
        UserProfile applicant = accounts.pending(Role.PATIENT);
        long secondAdminsUnread = as(secondAdmin, inbox::myUnreadCount);
        assertThat(registrationNotice(secondAdmin, applicant)).satisfies(m -> {
            assertThat(m.unread()).isTrue();
            assertThat(m.handled()).isFalse();
            assertThat(m.link()).isEqualTo("admin?user=" + applicant.id().value());
        });

        accounts.asAdmin(() -> administration.approve(applicant.id()));

        assertThat(registrationNotice(secondAdmin, applicant)).satisfies(m -> {
            assertThat(m.unread()).isFalse();
            assertThat(m.outcome()).isEqualTo("Approved by " + DemoAccounts.ADMIN.fullName());
            assertThat(m.settledAt()).isNotNull();
        });
        assertThat(as(secondAdmin, inbox::myUnreadCount)).isEqualTo(secondAdminsUnread - 1);
        UserProfile approver = ctx.getBean(org.careledger.identity.UserDirectory.class).findByUsername(DemoAccounts.ADMIN.username()).orElseThrow();
        assertThat(registrationNotice(approver, applicant)).satisfies(m -> {
            assertThat(m.unread()).isFalse();
            assertThat(m.outcome()).isEqualTo("Approved by you");
        });
    }

    @Test
    void aRejectedRegistrationSaysWhoRejectedIt() {
        TestAccounts accounts = new TestAccounts(ctx);
        UserProfile applicant = accounts.pending(Role.PHARMACIST);

        accounts.asAdmin(() -> administration.reject(applicant.id(), "Licence number not found"));

        UserProfile admin = ctx.getBean(org.careledger.identity.UserDirectory.class).findByUsername(DemoAccounts.ADMIN.username()).orElseThrow();
        assertThat(registrationNotice(admin, applicant)).satisfies(m -> {
            assertThat(m.unread()).isFalse();
            assertThat(m.outcome()).isEqualTo("Rejected by you");
        });
    }

    @Test
    void anAccessRequestIsHandledOnceThePatientGrantsItAndTheDoctorIsLedToTheRecord() {
        TestAccounts accounts = new TestAccounts(ctx);
        UserProfile doctor = accounts.active(Role.DOCTOR);
        UserProfile patient = accounts.active(Role.PATIENT);
        AccessRequestView request = requested(doctor, patient);
        InboxMessage notice = requestNotice(patient, doctor);
        assertThat(notice.unread()).isTrue();
        assertThat(notice.link()).isEqualTo("patient/consents?doctor=" + doctor.ledgerAddress());
        long unread = as(patient, inbox::myUnreadCount);

        as(patient, () -> ctx.getBean(PatientConsent.class).grant(request.requestId(), Set.of(RecordCategory.ALLERGY), Duration.ofDays(3)));

        assertThat(requestNotice(patient, doctor)).satisfies(m -> {
            assertThat(m.unread()).isFalse();
            assertThat(m.outcome()).isEqualTo("You granted this request");
        });
        assertThat(as(patient, inbox::myUnreadCount)).isEqualTo(unread - 1);
        assertThat(as(doctor, inbox::mine)).filteredOn(m -> m.title().equals(patient.fullName() + " granted your request"))
                .singleElement().satisfies(m -> assertThat(m.link()).isEqualTo("doctor/patients/" + patient.ledgerAddress()));
    }

    @Test
    void anAccessRequestIsHandledOnceThePatientDeniesIt() {
        TestAccounts accounts = new TestAccounts(ctx);
        UserProfile doctor = accounts.active(Role.DOCTOR);
        UserProfile patient = accounts.active(Role.PATIENT);
        AccessRequestView request = requested(doctor, patient);

        as(patient, () -> ctx.getBean(PatientConsent.class).deny(request.requestId(), null));

        assertThat(requestNotice(patient, doctor)).satisfies(m -> {
            assertThat(m.unread()).isFalse();
            assertThat(m.outcome()).isEqualTo("You denied this request");
        });
        assertThat(as(doctor, inbox::mine)).filteredOn(m -> m.title().equals(patient.fullName() + " denied your request"))
                .singleElement().satisfies(m -> assertThat(m.link()).isEqualTo("doctor/patients?address=" + patient.ledgerAddress()));
    }

    @Test
    void anEntryWaitingForThePatientIsHandledOnceTheyRejectIt() {
        TestAccounts accounts = new TestAccounts(ctx);
        UserProfile doctor = accounts.active(Role.DOCTOR);
        UserProfile patient = accounts.active(Role.PATIENT);
        AccessRequestView request = requested(doctor, patient);
        as(patient, () -> ctx.getBean(PatientConsent.class).grant(request.requestId(), Set.of(RecordCategory.ALLERGY), Duration.ofDays(3)));
        Await.until("the grant is on the ledger", () -> !as(patient, () -> ctx.getBean(PatientConsent.class).myGrants()).isEmpty());
        EntryId entry = as(doctor, () -> ctx.getBean(DoctorRecords.class).proposeEntry(patient.ledgerAddress(), RecordCategory.ALLERGY,
                EntryContent.coded(null, null, "Latex", "rash"))).entryId();
        assertThat(entryNotice(patient, entry)).satisfies(m -> {
            assertThat(m.unread()).isTrue();
            assertThat(m.link()).isEqualTo("patient/record?entry=" + entry);
        });

        as(patient, () -> {
            ctx.getBean(PatientRecords.class).rejectEntry(entry, "Not mine");
            return null;
        });

        assertThat(entryNotice(patient, entry)).satisfies(m -> {
            assertThat(m.unread()).isFalse();
            assertThat(m.outcome()).isEqualTo("You rejected this entry");
        });
    }

    @Test
    void anErasureRequestIsHandledForEveryAdminOnceOneDeclinesIt() {
        TestAccounts accounts = new TestAccounts(ctx);
        UserProfile secondAdmin = accounts.asAdmin(() -> administration.changeRole(accounts.active(Role.DOCTOR).id(), Role.ADMIN));
        UserProfile patient = accounts.active(Role.PATIENT);
        EntryId entry = as(patient, () -> ctx.getBean(PatientRecords.class).addSelfReported(RecordCategory.ALLERGY,
                EntryContent.coded(null, null, "Pollen", "sneezing"))).entryId();
        as(patient, () -> {
            ctx.getBean(PatientRecords.class).requestErasure(entry, null);
            return null;
        });
        assertThat(erasureNotice(secondAdmin, entry)).satisfies(m -> {
            assertThat(m.unread()).isTrue();
            assertThat(m.link()).isEqualTo("admin/erasures?entry=" + entry);
        });

        accounts.asAdmin(() -> {
            ctx.getBean(RecordsAdministration.class).declineErasure(entry, "Needed for the audit");
            return null;
        });

        assertThat(erasureNotice(secondAdmin, entry)).satisfies(m -> {
            assertThat(m.unread()).isFalse();
            assertThat(m.outcome()).isEqualTo("Declined by " + DemoAccounts.ADMIN.fullName() + ": the entry is kept");
        });
    }

    @Test
    void anEmergencyAccessIsHandledForEveryAdminOnceOneReviewsIt() {
        TestAccounts accounts = new TestAccounts(ctx);
        UserProfile secondAdmin = accounts.asAdmin(() -> administration.changeRole(accounts.active(Role.DOCTOR).id(), Role.ADMIN));
        UserProfile doctor = accounts.active(Role.DOCTOR);
        UserProfile patient = accounts.active(Role.PATIENT);
        as(doctor, () -> ctx.getBean(DoctorConsent.class).declareEmergency(patient.ledgerAddress(), "Unconscious in A&E, allergies unknown"));
        String title = "Emergency access to review";
        assertThat(emergencyNotice(secondAdmin, doctor, patient).unread()).isTrue();
        Supplier<Optional<EmergencyView>> pending = () -> accounts.asAdmin(
                () -> ctx.getBean(RecordsAdministration.class).pendingEmergencyReviews()).stream()
                .filter(e -> e.patient().address().equals(patient.ledgerAddress())).findFirst();
        // the notice is written when the declaration commits to the database; the review queue reads
        // the ledger, which has it once the declaration is mined
        Await.until("the emergency is on the ledger", () -> pending.get().isPresent());
        EmergencyView emergency = pending.get().orElseThrow();

        accounts.asAdmin(() -> ctx.getBean(RecordsAdministration.class).reviewEmergency(emergency.emergencyId(), true, null));

        assertThat(emergencyNotice(secondAdmin, doctor, patient)).satisfies(m -> {
            assertThat(m.title()).isEqualTo(title);
            assertThat(m.unread()).isFalse();
            assertThat(m.outcome()).isEqualTo("Reviewed by " + DemoAccounts.ADMIN.fullName() + ": justified");
        });
        assertThat(as(patient, inbox::mine)).filteredOn(m -> m.title().equals("Emergency access to your record"))
                .singleElement().satisfies(m -> assertThat(m.handled()).as("the patient was told, not asked").isFalse());
    }

    private InboxMessage emergencyNotice(UserProfile admin, UserProfile doctor, UserProfile patient) {
        return as(admin, inbox::mine).stream().filter(m -> m.title().equals("Emergency access to review")
                && m.body().contains(doctor.fullName()) && m.body().contains(patient.fullName())).findFirst().orElseThrow();
    }

    private InboxMessage entryNotice(UserProfile patient, EntryId entry) {
        return as(patient, inbox::mine).stream().filter(m -> ("patient/record?entry=" + entry).equals(m.link())
                && m.title().equals("New entry for your record")).findFirst().orElseThrow();
    }

    private InboxMessage erasureNotice(UserProfile admin, EntryId entry) {
        return as(admin, inbox::mine).stream().filter(m -> ("admin/erasures?entry=" + entry).equals(m.link())).findFirst().orElseThrow();
    }

    private AccessRequestView requested(UserProfile doctor, UserProfile patient) {
        // a request needs both on the ledger's registry (an approval's registration is mined a block or two later)
        org.careledger.node.LedgerService ledger = ctx.getBean(org.careledger.node.LedgerService.class);
        Await.until("the doctor and the patient are on the ledger's registry", () -> org.careledger.contracts.Registry
                .roleOf(ledger.committedState().view(), doctor.ledgerAddress()).isPresent()
                && org.careledger.contracts.Registry.roleOf(ledger.committedState().view(), patient.ledgerAddress()).isPresent());
        as(doctor, () -> ctx.getBean(DoctorConsent.class).requestAccess(patient.ledgerAddress(), Purpose.TREATMENT,
                Set.of(RecordCategory.ALLERGY), Duration.ofDays(3), null));
        Await.until("the request is on the ledger", () -> !as(patient, () -> ctx.getBean(PatientConsent.class).myRequests()).isEmpty());
        return as(patient, () -> ctx.getBean(PatientConsent.class).myRequests()).get(0);
    }

    private InboxMessage registrationNotice(UserProfile admin, UserProfile applicant) {
        List<InboxMessage> found = as(admin, inbox::mine).stream()
                .filter(m -> m.title().equals("New registration to review") && m.body().startsWith(applicant.fullName() + " ")).toList();
        assertThat(found).as("one notice about " + applicant.fullName() + " for " + admin.fullName()).hasSize(1);
        return found.get(0);
    }

    private InboxMessage requestNotice(UserProfile patient, UserProfile doctor) {
        List<InboxMessage> found = as(patient, inbox::mine).stream().filter(m -> m.title().equals("Access request from " + doctor.fullName())).toList();
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private static <T> T as(UserProfile user, Supplier<T> action) {
        return TestAccounts.as(user, action);
    }
}

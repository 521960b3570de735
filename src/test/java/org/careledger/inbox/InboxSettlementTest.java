package org.careledger.inbox;

import java.time.Duration;
import java.util.List;
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
            assertThat(m.link()).isEqualTo("admin");
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

    private AccessRequestView requested(UserProfile doctor, UserProfile patient) {
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

package org.careledger.pharmacy;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.careledger.Await;
import org.careledger.IntegrationTest;
import org.careledger.contracts.InvoiceState;
import org.careledger.contracts.Purpose;
import org.careledger.contracts.RecordCategory;
import org.careledger.identity.DemoAccounts;
import org.careledger.identity.Role;
import org.careledger.identity.TestAccounts;
import org.careledger.identity.UserDirectory;
import org.careledger.identity.UserProfile;
import org.careledger.outbox.LedgerReceipt;
import org.careledger.records.DoctorConsent;
import org.careledger.records.PatientConsent;
import org.careledger.records.RequestId;
import org.careledger.wallet.Invoicing;
import org.careledger.wallet.WalletInvoice;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a new user of the demo install finds of the pharmacy: the demo patient's prescriptions in
 * every state reachable on first start, one invoice paid and one open in her wallet, and the
 * pharmacist's queue holding what was sent to the demo pharmacy.
 */
class DemoPrescriptionsSeederTest extends IntegrationTest {

    @Autowired
    DemoPrescriptionsSeeder seeder;
    @Autowired
    Prescribing prescribing;
    @Autowired
    PatientPrescriptions patientPrescriptions;
    @Autowired
    Dispensary dispensary;
    @Autowired
    Invoicing invoicing;
    @Autowired
    DoctorConsent doctorConsent;
    @Autowired
    PatientConsent patientConsent;
    @Autowired
    UserDirectory directory;

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    @Test
    void theDemoPatientHasPrescriptionsInEveryStateAndAnInvoiceToPay() {
        UserProfile zoe = directory.findByUsername(DemoAccounts.PATIENT.username()).orElseThrow();
        consentUnlessGiven(zoe);

        seeder.seed();

        List<PrescriptionView> mine = as(DemoAccounts.PATIENT.username(), Role.PATIENT, () -> patientPrescriptions.mine());
        assertThat(mine).extracting(PrescriptionView::state).contains(RxState.ISSUED, RxState.PARTIALLY_DISPENSED, RxState.COMPLETED);
        Await.until("the demo cancellation is mined", () -> as(DemoAccounts.PATIENT.username(), Role.PATIENT,
                () -> patientPrescriptions.mine()).stream().anyMatch(p -> p.state() == RxState.CANCELLED));
        PrescriptionView lisinopril = mine.stream().filter(p -> p.medicineCode().equals("314076")).findFirst().orElseThrow();
        assertThat(lisinopril.fills()).singleElement().satisfies(f -> assertThat(f.invoiceState()).isEqualTo(InvoiceState.PAID));
        assertThat(lisinopril.details().directions()).isEqualTo("1 tablet, Oral, once a day, for 30 days; in the morning");

        List<WalletInvoice> invoices = as(DemoAccounts.PATIENT.username(), Role.PATIENT, () -> invoicing.myInvoices());
        assertThat(invoices).anySatisfy(i -> {
            assertThat(i.state()).isEqualTo(InvoiceState.OPEN);
            assertThat(i.payable()).isTrue();
        });
        assertThat(invoices).anySatisfy(i -> assertThat(i.state()).isEqualTo(InvoiceState.PAID));

        List<PrescriptionView> queue = as(DemoAccounts.PHARMACIST.username(), Role.PHARMACIST, () -> dispensary.queue());
        assertThat(queue).extracting(PrescriptionView::id).contains(lisinopril.id());
    }

    /** The records' demo seeding grants the demo doctor MEDICATION; when it has not run in this context, grant it here. */
    private void consentUnlessGiven(UserProfile zoe) {
        if (as(DemoAccounts.DOCTOR.username(), Role.DOCTOR, () -> prescribing.mayPrescribe(zoe.ledgerAddress()))) {
            return;
        }
        Set<RecordCategory> medication = Set.of(RecordCategory.MEDICATION);
        LedgerReceipt request = as(DemoAccounts.DOCTOR.username(), Role.DOCTOR, () -> doctorConsent.requestAccess(zoe.ledgerAddress(),
                Purpose.TREATMENT, medication, Duration.ofDays(7), "Medicines review"));
        Await.until("the patient sees the request", () -> as(DemoAccounts.PATIENT.username(), Role.PATIENT,
                () -> patientConsent.myRequests()).stream().anyMatch(r -> r.requestId().value().equals(request.txId())));
        as(DemoAccounts.PATIENT.username(), Role.PATIENT, () -> patientConsent.grant(new RequestId(request.txId()), medication,
                Duration.ofDays(7)));
    }

    private static <T> T as(String username, Role role, Supplier<T> action) {
        return TestAccounts.as(username, role, action);
    }
}

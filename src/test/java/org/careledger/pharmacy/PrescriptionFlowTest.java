package org.careledger.pharmacy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.careledger.Await;
import org.careledger.IntegrationTest;
import org.careledger.common.InvalidInputException;
import org.careledger.common.OperationNotAllowedException;
import org.careledger.contracts.AccessEvent;
import org.careledger.contracts.ConsentQueries;
import org.careledger.contracts.Invoice;
import org.careledger.contracts.InvoiceQueries;
import org.careledger.contracts.InvoiceState;
import org.careledger.contracts.RecordCategory;
import org.careledger.crypto.Address;
import org.careledger.identity.Role;
import org.careledger.identity.TestAccounts;
import org.careledger.identity.UserProfile;
import org.careledger.inbox.Inbox;
import org.careledger.inbox.InboxMessage;
import org.careledger.node.LedgerService;
import org.careledger.outbox.LedgerReceipt;
import org.careledger.records.ConsentRequiredException;
import org.careledger.records.EntryContent;
import org.careledger.records.PatientConsent;
import org.careledger.records.PatientRecords;
import org.careledger.records.RecordEntryView;
import org.careledger.registry.ProviderAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A prescription's life through the services, on the real ledger: prescribed only under consent,
 * warned of an allergy, sealed into the record, shown to the patient with its QR code, opened by a
 * pharmacy only with the code's current secret, dispensed once per code with its invoice raised in
 * the same transaction, and cancelled by its prescriber.
 */
class PrescriptionFlowTest extends IntegrationTest {

    /** lisinopril 10 MG Oral Tablet: 0.91 tokens a unit in the catalogue. */
    static final String LISINOPRIL = "314076";
    /** Amoxicillin 250 MG Oral Capsule: a penicillin. */
    static final String AMOXICILLIN = "308182";

    @Autowired
    ApplicationContext context;
    @Autowired
    Prescribing prescribing;
    @Autowired
    PatientPrescriptions patientPrescriptions;
    @Autowired
    Dispensary dispensary;
    @Autowired
    PatientConsent patientConsent;
    @Autowired
    PatientRecords patientRecords;
    @Autowired
    ProviderAccounts providerAccounts;
    @Autowired
    LedgerService ledger;
    @Autowired
    Inbox inbox;
    @Autowired
    org.careledger.records.PrescriptionEntries prescriptionEntries;

    private PharmacyPeople people;
    private UserProfile doctor;
    private UserProfile patient;
    private UserProfile pharmacist;

    @BeforeEach
    void people() {
        people = new PharmacyPeople(context);
        doctor = people.active(Role.DOCTOR);
        patient = people.active(Role.PATIENT);
        pharmacist = people.active(Role.PHARMACIST);
    }

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    @Test
    void aPrescriptionIsDispensedOnceWithItsInvoiceAndItsReadIsAudited() {
        assertThatThrownBy(() -> as(doctor, () -> prescribing.prescribe(patient.ledgerAddress(), draft(LISINOPRIL, null))))
                .as("no consent, no prescription").isInstanceOf(ConsentRequiredException.class);
        grant(Set.of(RecordCategory.MEDICATION, RecordCategory.DIAGNOSIS));

        PrescriptionView written = as(doctor, () -> prescribing.prescribe(patient.ledgerAddress(), draft(LISINOPRIL, null)));
        assertThat(written.state()).isEqualTo(RxState.ON_ITS_WAY);
        PrescriptionView issued = awaitState(written.id(), RxState.ISSUED);
        assertThat(issued.remaining()).isEqualTo(60);
        assertThat(issued.details().directions()).isEqualTo("1 tablet, Oral, once a day, for 30 days; in the morning");
        assertThat(issued.details().indication()).isEqualTo("ICD-10 I10 Essential (primary) hypertension");
        assertThat(issued.prescriberName()).isEqualTo(doctor.fullName());

        RecordEntryView entry = as(patient, () -> patientRecords.myRecord()).stream()
                .filter(e -> e.category() == RecordCategory.MEDICATION).findFirst().orElseThrow();
        assertThat(entry.content().display()).isEqualTo("lisinopril 10 MG Oral Tablet");
        assertThat(entry.integrity().name()).as("the prescription anchors its entry").isEqualTo("VERIFIED");

        PatientPrescriptions.Qr qr = as(patient, () -> patientPrescriptions.qr(written.id()));
        assertThatThrownBy(() -> as(pharmacist, () -> dispensary.open(written.id())))
                .as("a pharmacy not given the prescription cannot open it").hasMessageContaining("has not been given");
        String idOnly = PrescriptionQr.SCHEME + written.id();
        assertThatThrownBy(() -> as(pharmacist, () -> dispensary.openCode(idOnly))).hasMessage(Dispensary.DOES_NOT_OPEN);
        String guessed = new PrescriptionQr(written.id(), "ab".repeat(32)).payload();
        assertThatThrownBy(() -> as(pharmacist, () -> dispensary.openCode(guessed))).hasMessage(Dispensary.DOES_NOT_OPEN);

        String opened = as(pharmacist, () -> dispensary.openCode(qr.payload()));
        PrescriptionView seen = as(pharmacist, () -> dispensary.open(opened));
        assertThat(seen.details().dose()).isEqualTo("1 tablet");
        assertThat(as(pharmacist, () -> dispensary.queue())).extracting(PrescriptionView::id).contains(written.id());
        Await.until("the pharmacist's read is on the ledger's audit", () -> ConsentQueries.accessEventsOf(ledger.committedState(),
                patient.ledgerAddress()).stream().anyMatch(e -> e.reader().equals(pharmacist.ledgerAddress())));
        AccessEvent read = ConsentQueries.accessEventsOf(ledger.committedState(), patient.ledgerAddress()).stream()
                .filter(e -> e.reader().equals(pharmacist.ledgerAddress())).findFirst().orElseThrow();
        assertThat(read.basisId()).isEqualTo(issued.chainId());
        assertThat(as(patient, () -> patientConsent.whoViewedMyRecord())).as("the patient's access log names the pharmacist's read")
                .anySatisfy(v -> {
                    assertThat(v.reader().name()).isEqualTo(pharmacist.fullName());
                    assertThat(v.basisKind()).isEqualTo("Prescription");
                    assertThat(v.category()).isEqualTo(RecordCategory.MEDICATION);
                });

        assertThatThrownBy(() -> as(pharmacist, () -> dispensary.dispense(opened, 61L, "B-1", LocalDate.now().plusYears(1))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("60");
        assertThatThrownBy(() -> as(pharmacist, () -> dispensary.dispense(opened, 30L, "B-1", LocalDate.now().minusDays(1))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("expired");
        LedgerReceipt dispensed = as(pharmacist, () -> dispensary.dispense(opened, 30L, "LOT-2026/17", LocalDate.now().plusYears(1)));
        long height = ledger.awaitCommitted(dispensed.txId(), Duration.ofSeconds(30));

        Invoice invoice = InvoiceQueries.invoice(ledger.committedState(), dispensed.txId()).orElseThrow();
        assertThat(invoice.state()).isEqualTo(InvoiceState.OPEN);
        assertThat(invoice.payer()).isEqualTo(patient.ledgerAddress());
        Address pharmacyAccount = providerAccounts.addressOf(pharmacist.providerId()).orElseThrow();
        assertThat(invoice.payee()).isEqualTo(pharmacyAccount);
        assertThat(invoice.total()).as("30 tablets at the catalogue's 0.91 tokens").isEqualTo(30 * 910_000L);
        PrescriptionView afterFill = awaitState(written.id(), RxState.PARTIALLY_DISPENSED);
        assertThat(afterFill.remaining()).isEqualTo(30);
        assertThat(afterFill.fills()).singleElement().satisfies(f -> {
            assertThat(f.block()).isEqualTo(height);
            assertThat(f.batch()).isEqualTo("LOT-2026/17");
            assertThat(f.describe()).isEqualTo("Dispensed in block " + height + "; invoice open");
        });

        assertThatThrownBy(() -> as(pharmacist, () -> dispensary.openCode(qr.payload())))
                .as("the used QR code opens nothing").hasMessage(Dispensary.DOES_NOT_OPEN);
        Await.until("the patient is told of the prescription and of the invoice", () -> as(patient, () -> inbox.mine()).stream()
                .map(InboxMessage::title).toList().containsAll(List.of("New prescription", "Prescription dispensed: an invoice to pay")));
        assertThat(as(patient, () -> inbox.mine())).as("no notification names the medicine")
                .noneSatisfy(m -> assertThat(m.title() + m.body()).containsIgnoringCase("lisinopril"));
        PatientPrescriptions.Qr next = as(patient, () -> patientPrescriptions.qr(written.id()));
        assertThat(next.payload()).isNotEqualTo(qr.payload());

        as(doctor, () -> prescribing.cancel(written.id(), "Switched to another treatment"));
        awaitState(written.id(), RxState.CANCELLED);
        assertThatThrownBy(() -> as(pharmacist, () -> dispensary.openCode(next.payload())))
                .as("a cancelled prescription's code opens nothing").isInstanceOf(OperationNotAllowedException.class)
                .hasMessageContaining("cancelled");
        assertThatThrownBy(() -> as(patient, () -> patientPrescriptions.qr(written.id()))).hasMessageContaining("cancelled");
    }

    @Test
    void anAllergyWarnsAndStopsThePrescriptionUnlessTheDoctorGivesAReason() {
        as(patient, () -> patientRecords.addSelfReported(RecordCategory.ALLERGY, EntryContent.coded("RxNorm", "7984", "Penicillin V", null)));
        grant(Set.of(RecordCategory.MEDICATION));

        List<String> warnings = as(doctor, () -> prescribing.warnings(patient.ledgerAddress(), AMOXICILLIN));
        assertThat(warnings).singleElement().asString()
                .as("the doctor's access does not cover ALLERGY: the allergy itself is not named")
                .contains("conflicts with a recorded allergy").doesNotContain("Penicillin V");
        assertThatThrownBy(() -> as(doctor, () -> prescribing.prescribe(patient.ledgerAddress(), draft(AMOXICILLIN, null))))
                .isInstanceOf(PrescriptionWarningsException.class);
        assertThat(as(patient, () -> patientPrescriptions.mine())).as("nothing was written").isEmpty();

        PrescriptionView written = as(doctor, () -> prescribing.prescribe(patient.ledgerAddress(),
                draft(AMOXICILLIN, "Tolerated amoxicillin in 2024 under supervision")));
        PrescriptionView issued = awaitState(written.id(), RxState.ISSUED);
        assertThat(issued.details().warnings()).singleElement().asString().contains("conflicts with a recorded allergy");
        assertThat(issued.details().overrideReason()).isEqualTo("Tolerated amoxicillin in 2024 under supervision");

        List<String> duplicate = as(doctor, () -> prescribing.warnings(patient.ledgerAddress(), AMOXICILLIN));
        assertThat(duplicate).anySatisfy(w -> assertThat(w).startsWith("Duplicate:"));
    }

    @Test
    void aFormWithMistakesNamesEachFieldAndOtherRolesCannotPrescribe() {
        grant(Set.of(RecordCategory.MEDICATION));
        PrescriptionDraft bad = new PrescriptionDraft("", " ", "By mouth", "", 0, 0L, 6, 400, null, null, null, null, null);
        assertThatThrownBy(() -> as(doctor, () -> prescribing.prescribe(patient.ledgerAddress(), bad)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors()).containsOnlyKeys("medicine", "dose",
                        "route", "frequency", "durationDays", "quantity", "refills", "validityDays", "indicationCode"));
        assertThatThrownBy(() -> as(pharmacist, () -> prescribing.prescribe(patient.ledgerAddress(), draft(LISINOPRIL, null))))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(as(patient, () -> patientPrescriptions.mine())).isEmpty();
        assertThatThrownBy(() -> as(doctor, () -> prescriptionEntries.open(new org.careledger.records.EntryId(java.util.UUID.randomUUID().toString()),
                org.careledger.ledger.Hash.ZERO))).as("the record's door for the pharmacy opens content to patients and pharmacists only")
                .isInstanceOf(AccessDeniedException.class);
    }

    private PrescriptionView awaitState(String id, RxState state) {
        Await.until("the prescription is " + state, () -> as(patient, () -> patientPrescriptions.mine()).stream()
                .anyMatch(v -> v.id().equals(id) && v.state() == state));
        return as(patient, () -> patientPrescriptions.mine()).stream().filter(v -> v.id().equals(id)).findFirst().orElseThrow();
    }

    static PrescriptionDraft draft(String medicine, String reason) {
        return new PrescriptionDraft(medicine, "1 tablet", "Oral", "once a day", 30, 30L, 1, null, "in the morning", "ICD-10", "I10",
                "Essential (primary) hypertension", reason);
    }

    private void grant(Set<RecordCategory> categories) {
        people.consent(doctor, patient, categories);
    }

    private static <T> T as(UserProfile user, Supplier<T> action) {
        return TestAccounts.as(user.username(), user.role(), action);
    }
}

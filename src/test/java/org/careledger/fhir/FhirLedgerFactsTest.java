package org.careledger.fhir;

import java.util.List;
import java.util.Set;

import org.careledger.Await;
import org.careledger.IntegrationTest;
import org.careledger.contracts.RecordCategory;
import org.careledger.fhir.internal.Codes;
import org.careledger.fhir.internal.Fhir;
import org.careledger.identity.Role;
import org.careledger.identity.TestAccounts;
import org.careledger.identity.UserProfile;
import org.careledger.ledger.TxLocation;
import org.careledger.node.LedgerService;
import org.careledger.pharmacy.PatientPrescriptions;
import org.careledger.pharmacy.PrescriptionDraft;
import org.careledger.pharmacy.PrescriptionView;
import org.careledger.pharmacy.Prescribing;
import org.careledger.records.DoctorConsent;
import org.careledger.records.DoctorRecords;
import org.careledger.records.EntryContent;
import org.careledger.records.PatientConsent;
import org.careledger.records.PatientRecords;
import org.careledger.records.RecordEntryView;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careledger.fhir.FhirPeople.as;

/**
 * What the ledger says in an export, on the real ledger: a doctor's export holds the doctor's own reads
 * of the record as AuditEvents and never another doctor's, and a prescription in the patient's export
 * carries the anchor of the transaction that issued it.
 */
class FhirLedgerFactsTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    PatientFhir patientFhir;
    @Autowired
    DoctorFhir doctorFhir;
    @Autowired
    DoctorRecords doctorRecords;
    @Autowired
    DoctorConsent doctorConsent;
    @Autowired
    PatientConsent patientConsent;
    @Autowired
    PatientRecords patientRecords;
    @Autowired
    Prescribing prescribing;
    @Autowired
    PatientPrescriptions patientPrescriptions;
    @Autowired
    LedgerService ledger;

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    @Test
    void aDoctorsExportHoldsTheDoctorsOwnReadsAndNoOneElses() {
        FhirPeople people = new FhirPeople(context);
        UserProfile doctor = people.active(Role.DOCTOR);
        UserProfile colleague = people.active(Role.DOCTOR);
        UserProfile patient = people.active(Role.PATIENT);
        RecordEntryView diagnosis = as(patient, () -> patientRecords.addSelfReported(RecordCategory.DIAGNOSIS,
                EntryContent.coded("SNOMED-CT", "38341003", "Hypertension", null)));
        people.granted(doctor, patient, Set.of(RecordCategory.DIAGNOSIS));
        people.granted(colleague, patient, Set.of(RecordCategory.DIAGNOSIS));
        as(doctor, () -> doctorRecords.readRecord(patient.ledgerAddress()));
        as(colleague, () -> doctorRecords.readRecord(patient.ledgerAddress()));
        as(colleague, () -> doctorRecords.readRecord(patient.ledgerAddress()));
        Await.until("the three reads are on the ledger", () -> as(patient, () -> patientConsent.whoViewedMyRecord()).size() == 3);

        assertThat(as(doctor, () -> doctorConsent.myReadsOf(patient.ledgerAddress()))).singleElement().satisfies(r -> {
            assertThat(r.reader().name()).isEqualTo(doctor.fullName());
            assertThat(r.entryId()).isEqualTo(diagnosis.entryId());
            assertThat(r.entryName()).isEqualTo("a diagnosis entry");
        });
        Bundle bundle = parse(as(doctor, () -> doctorFhir.exportRecord(patient.ledgerAddress())).json());

        // the doctor's read before this export (and this export's own, should the ledger be quick enough to mine it meanwhile)
        assertThat(only(bundle, AuditEvent.class)).isNotEmpty().allSatisfy(a -> {
            assertThat(a.getAgentFirstRep().getWho().getDisplay()).isEqualTo(doctor.fullName());
            assertThat(a.getEntityFirstRep().getWhat().getReference()).as("the Condition in the same Bundle").startsWith("urn:uuid:");
            Extension anchor = a.getMeta().getExtensionByUrl(Codes.ANCHOR);
            assertThat(anchor.getExtensionByUrl("transactionId").getValue().primitiveValue()).hasSize(64);
        });
        assertThat(Fhir.json(bundle)).doesNotContain(colleague.fullName());
        assertThat(FhirValidation.validate(Fhir.json(bundle)).errors()).isEmpty();
    }

    @Test
    void aPrescriptionInThePatientsExportCarriesTheAnchorOfItsIssuingTransaction() {
        FhirPeople people = new FhirPeople(context);
        UserProfile doctor = people.active(Role.DOCTOR);
        UserProfile patient = people.active(Role.PATIENT);
        people.granted(doctor, patient, Set.of(RecordCategory.MEDICATION));
        PrescriptionView written = as(doctor, () -> prescribing.prescribe(patient.ledgerAddress(), new PrescriptionDraft("314076",
                "1 tablet", "Oral", "once a day", 30, 30L, 1, null, "in the morning", "ICD-10", "I10", "Essential (primary) hypertension",
                null)));
        Await.until("the prescription is issued", () -> as(patient, () -> patientPrescriptions.mine()).stream()
                .anyMatch(p -> p.id().equals(written.id()) && p.issuedBlock() != null));
        PrescriptionView issued = as(patient, () -> patientPrescriptions.mine()).stream().filter(p -> p.id().equals(written.id()))
                .findFirst().orElseThrow();
        TxLocation at = ledger.locate(issued.chainId()).orElseThrow();

        Bundle bundle = parse(as(patient, () -> patientFhir.exportMyRecord()).json());

        MedicationRequest request = only(bundle, MedicationRequest.class).stream()
                .filter(r -> r.getIdentifierFirstRep().getValue().equals(issued.id())).findFirst().orElseThrow();
        Extension anchor = request.getMeta().getExtensionByUrl(Codes.ANCHOR);
        assertThat(anchor).as("the prescription's own anchor").isNotNull();
        assertThat(anchor.getExtensionByUrl("transactionId").getValue().primitiveValue()).isEqualTo(issued.chainId().hex());
        assertThat(anchor.getExtensionByUrl("blockHeight").getValue().primitiveValue()).isEqualTo(Long.toString(issued.issuedBlock()));
        assertThat(anchor.getExtensionByUrl("blockHash").getValue().primitiveValue()).isEqualTo(at.blockHash().hex());
        assertThat(anchor.getExtensionByUrl("chainId").getValue().primitiveValue()).isEqualTo(Long.toString(ledger.genesis().chainId()));
    }

    private static Bundle parse(String json) {
        return Fhir.context().newJsonParser().parseResource(Bundle.class, json);
    }

    private static <R extends Resource> List<R> only(Bundle bundle, Class<R> type) {
        return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(type::isInstance).map(type::cast).toList();
    }
}

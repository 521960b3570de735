package org.careledger.fhir;

import java.util.List;
import java.util.Set;

import org.careledger.IntegrationTest;
import org.careledger.contracts.RecordCategory;
import org.careledger.identity.Role;
import org.careledger.identity.TestAccounts;
import org.careledger.identity.UserProfile;
import org.careledger.records.ConsentRequiredException;
import org.careledger.records.DoctorRecords;
import org.careledger.records.EntryStatus;
import org.careledger.records.PatientRecords;
import org.careledger.records.RecordEntryView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.careledger.fhir.FhirPeople.as;

/**
 * A doctor's import of a FHIR file for a patient, on the real ledger and H2 file: only with a grant; the
 * entries in the grant's categories wait for the patient's approval authored by the doctor, as the doctor's
 * hand-written entries do, and the others are listed as skipped with why; importing the file again adds nothing the
 * patient has not decided on yet.
 */
class FhirDoctorImportTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    DoctorFhir doctorFhir;
    @Autowired
    DoctorRecords doctorRecords;
    @Autowired
    PatientRecords patientRecords;

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    @Test
    void aDoctorWithoutAGrantImportsNothingForThePatient() {
        FhirPeople people = new FhirPeople(context);
        UserProfile doctor = people.active(Role.DOCTOR);
        UserProfile patient = people.active(Role.PATIENT);

        assertThatThrownBy(() -> as(doctor, () -> doctorFhir.startImport(patient.ledgerAddress(), FhirPeople.sample())))
                .isInstanceOf(ConsentRequiredException.class)
                .hasMessageStartingWith("You have no active consent to write into this patient's record");
        assertThatThrownBy(() -> as(doctor, () -> doctorFhir.importBundle(patient.ledgerAddress(), FhirPeople.sample())))
                .isInstanceOf(ConsentRequiredException.class);
        assertThatThrownBy(() -> as(patient, () -> doctorFhir.startImport(patient.ledgerAddress(), FhirPeople.sample())))
                .as("a doctor's service").isInstanceOf(AccessDeniedException.class);
        assertThat(as(patient, () -> patientRecords.myPendingEntries())).isEmpty();
    }

    @Test
    void theGrantsCategoriesWaitForThePatientAsTheDoctorsEntriesAndTheRestIsSkippedWithWhy() {
        FhirPeople people = new FhirPeople(context);
        UserProfile doctor = people.active(Role.DOCTOR);
        UserProfile patient = people.active(Role.PATIENT);
        people.granted(doctor, patient, Set.of(RecordCategory.DIAGNOSIS, RecordCategory.ALLERGY));

        FhirImportReport report = as(doctor, () -> doctorFhir.importBundle(patient.ledgerAddress(), FhirPeople.sample()));

        assertThat(report.pending()).isEqualTo(2);
        assertThat(report.skipped()).containsExactlyInAnyOrder(
                "Patient urn:uuid:0b5f3a2e-1c1d-4d2a-9a55-5e0f3c4b7a01: not imported",
                "Immunization urn:uuid:0b5f3a2e-1c1d-4d2a-9a55-5e0f3c4b7a07: not imported",
                "Observation urn:uuid:0b5f3a2e-1c1d-4d2a-9a55-5e0f3c4b7a03: vital signs entries are not covered by your access",
                "Observation urn:uuid:0b5f3a2e-1c1d-4d2a-9a55-5e0f3c4b7a04: lab result entries are not covered by your access",
                "MedicationStatement urn:uuid:0b5f3a2e-1c1d-4d2a-9a55-5e0f3c4b7a06: medication entries are not covered by your access");
        List<RecordEntryView> waiting = as(patient, () -> patientRecords.myPendingEntries());
        assertThat(waiting).extracting(RecordEntryView::category).containsExactlyInAnyOrder(RecordCategory.DIAGNOSIS, RecordCategory.ALLERGY);
        assertThat(waiting).allSatisfy(e -> {
            assertThat(e.status()).isEqualTo(EntryStatus.PENDING_APPROVAL);
            assertThat(e.author()).as("written by the doctor, as a hand-written entry").isEqualTo(doctor.fullName());
            assertThat(e.imported()).as("the doctor answers for it, not a file").isFalse();
        });
        assertThat(as(doctor, () -> doctorRecords.myEntriesFor(patient.ledgerAddress()))).as("the doctor's entries, waiting")
                .hasSize(2).allSatisfy(e -> assertThat(e.status()).isEqualTo(EntryStatus.PENDING_APPROVAL));

        RecordEntryView diagnosis = waiting.stream().filter(e -> e.category() == RecordCategory.DIAGNOSIS).findFirst().orElseThrow();
        as(patient, () -> patientRecords.approveEntry(diagnosis.entryId()));
        assertThat(as(patient, () -> patientRecords.myRecord())).singleElement().satisfies(e -> {
            assertThat(e.entryId()).isEqualTo(diagnosis.entryId());
            assertThat(e.content().code()).isEqualTo("44054006");
        });

        FhirImportReport again = as(doctor, () -> doctorFhir.importBundle(patient.ledgerAddress(), FhirPeople.sample()));
        assertThat(again.alreadyThere()).as("the allergy still waits for the patient").isEqualTo(1);
        // the approved diagnosis is the patient's now: comparing with it would be an unaudited read of the record
        assertThat(again.pending()).isEqualTo(1);
        assertThat(as(patient, () -> patientRecords.myPendingEntries())).extracting(RecordEntryView::category)
                .containsExactlyInAnyOrder(RecordCategory.ALLERGY, RecordCategory.DIAGNOSIS);
    }
}

package org.careledger.fhir;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import org.careledger.Await;
import org.careledger.IntegrationTest;
import org.careledger.contracts.RecordCategory;
import org.careledger.contracts.Registry;
import org.careledger.identity.Role;
import org.careledger.identity.TestAccounts;
import org.careledger.identity.UserProfile;
import org.careledger.node.LedgerService;
import org.careledger.records.EntryContent;
import org.careledger.records.EntryStatus;
import org.careledger.records.PatientRecords;
import org.careledger.records.RecordEntryView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Imports on the real H2 file: a small committed Bundle becomes entries waiting for the patient's
 * approval, the rest skipped; a second import adds nothing; our own export comes back with the same
 * codes and values; hostile files are refused whole, with nothing stored.
 */
class FhirImportTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    PatientFhir patientFhir;
    @Autowired
    PatientRecords patientRecords;
    @Autowired
    LedgerService ledger;

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    @Test
    void aBundleFromElsewhereBecomesEntriesThePatientApprovesAndASecondImportAddsNothing() throws Exception {
        UserProfile patient = onChain(new TestAccounts(context).active(Role.PATIENT));
        byte[] sample = sample();

        FhirImportReport report = as(patient, () -> patientFhir.importBundle(sample, "import-sample.json"));
        assertThat(report.pending()).isEqualTo(5);
        assertThat(report.skipped()).hasSize(2).anyMatch(s -> s.startsWith("Patient")).anyMatch(s -> s.startsWith("Immunization"));
        List<RecordEntryView> waiting = as(patient, () -> patientRecords.myPendingEntries());
        assertThat(waiting).hasSize(5).allSatisfy(e -> {
            assertThat(e.status()).isEqualTo(EntryStatus.PENDING_APPROVAL);
            assertThat(e.importedFrom()).isEqualTo("FHIR import: import-sample.json");
        });
        assertThat(waiting).anySatisfy(e -> {
            assertThat(e.category()).isEqualTo(RecordCategory.DIAGNOSIS);
            assertThat(e.content().codeSystem()).isEqualTo("SNOMED-CT");
            assertThat(e.content().code()).isEqualTo("44054006");
            assertThat(e.clinicalDate()).hasToString("2019-03-14");
        }).anySatisfy(e -> {
            assertThat(e.category()).isEqualTo(RecordCategory.VITAL_SIGNS);
            assertThat(e.content().text()).isEqualTo("81.2 kg");
        });
        assertThat(as(patient, () -> patientRecords.myRecord())).as("nothing joins the record before approval").isEmpty();

        RecordEntryView diagnosis = waiting.stream().filter(e -> e.category() == RecordCategory.DIAGNOSIS).findFirst().orElseThrow();
        as(patient, () -> patientRecords.approveEntry(diagnosis.entryId()));
        assertThat(as(patient, () -> patientRecords.myRecord())).extracting(RecordEntryView::entryId).containsExactly(diagnosis.entryId());

        FhirImportReport again = as(patient, () -> patientFhir.importBundle(sample, "import-sample.json"));
        assertThat(again.pending()).isZero();
        assertThat(again.alreadyThere()).isEqualTo(5);
    }

    @Test
    void ourOwnExportComesBackWithTheSameCodesAndValues() {
        TestAccounts accounts = new TestAccounts(context);
        UserProfile from = onChain(accounts.active(Role.PATIENT));
        UserProfile to = onChain(accounts.active(Role.PATIENT));
        List<EntryContent> written = List.of(
                EntryContent.coded("ICD-10", "E11.9", "Type 2 diabetes mellitus without complications", "since 2019"),
                EntryContent.coded("RxNorm", "860975", "Metformin 500 mg", "twice daily"),
                EntryContent.coded(null, null, "Penicillin", "hives"));
        as(from, () -> patientRecords.addSelfReported(RecordCategory.DIAGNOSIS, written.get(0)));
        as(from, () -> patientRecords.addSelfReported(RecordCategory.MEDICATION, written.get(1)));
        as(from, () -> patientRecords.addSelfReported(RecordCategory.ALLERGY, written.get(2)));
        as(from, () -> patientRecords.addSelfReported(RecordCategory.LAB_RESULT, EntryContent.measurement("Glucose", "5.4 mmol/L")));

        byte[] exported = as(from, () -> patientFhir.exportMyRecord()).bytes();
        FhirImportReport report = as(to, () -> patientFhir.importBundle(exported, "export.json"));

        assertThat(report.pending()).isEqualTo(4);
        List<RecordEntryView> back = as(to, () -> patientRecords.myPendingEntries());
        assertThat(back).extracting(RecordEntryView::content).contains(written.toArray(EntryContent[]::new))
                .contains(EntryContent.measurement("Glucose", "5.4 mmol/L"));
        assertThat(back).extracting(RecordEntryView::clinicalDate).containsOnly(java.time.LocalDate.now(ledgerClock()));
    }

    @Test
    void hostileFilesAreRefusedWholeWithNothingStored() throws Exception {
        UserProfile patient = onChain(new TestAccounts(context).active(Role.PATIENT));
        String sample = new String(sample(), StandardCharsets.UTF_8);

        assertRefused(patient, "{\"resourceType\": \"Patient\", \"id\": \"p1\"}", "not a Bundle");
        byte[] huge = new byte[25 * 1024 * 1024];
        Arrays.fill(huge, (byte) ' ');
        huge[0] = '{';
        assertThatThrownBy(() -> as(patient, () -> patientFhir.importBundle(huge, "huge.json")))
                .isInstanceOf(FhirImportRefused.class).hasMessageContaining("larger than 20 MB");
        assertRefused(patient, "<Bundle xmlns=\"http://hl7.org/fhir\"><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]></Bundle>",
                "not XML");
        assertRefused(patient, sample.replace("\"urn:uuid:0b5f3a2e-1c1d-4d2a-9a55-5e0f3c4b7a01\"}, \"onsetDateTime\"",
                "\"http://evil.example/fhir/Patient/1\"}, \"onsetDateTime\""), "outside itself");
        assertRefused(patient, "{\"resourceType\": \"Bundle\", \"type\": \"collection\", \"entry\": [{\"resource\": "
                + "{\"resourceType\": \"Patient\", \"extension\": [" + "{\"url\": \"http://x\", \"extension\": [".repeat(3000)
                + "]}".repeat(3000) + "]}}]}", "not a valid FHIR R4 Bundle");
        FhirImportRefused invalid = refused(patient, sample.replace("\"status\": \"final\"", "\"status\": \"guessed\"")
                .replace("\"onsetDateTime\": \"2019-03-14\"", "\"onsetDateTime\": \"last spring\", \"colour\": \"blue\""));
        assertThat(invalid.getMessage()).contains("not a valid FHIR R4 Bundle");
        assertThat(invalid.details()).isNotEmpty().hasSizeLessThanOrEqualTo(10).anyMatch(m -> m.contains("colour"));

        assertThat(as(patient, () -> patientRecords.myPendingEntries())).isEmpty();
        assertThat(as(patient, () -> patientRecords.myRecord())).isEmpty();
    }

    private void assertRefused(UserProfile patient, String json, String why) {
        assertThat(refused(patient, json).getMessage()).contains(why);
    }

    private FhirImportRefused refused(UserProfile patient, String json) {
        try {
            as(patient, () -> patientFhir.importBundle(json.getBytes(StandardCharsets.UTF_8), "hostile.json"));
        } catch (FhirImportRefused e) {
            return e;
        }
        throw new AssertionError("Not refused: " + json.substring(0, Math.min(200, json.length())));
    }

    private java.time.Clock ledgerClock() {
        return context.getBean(java.time.Clock.class);
    }

    private static byte[] sample() throws Exception {
        try (InputStream in = FhirImportTest.class.getResourceAsStream("import-sample.json")) {
            return in.readAllBytes();
        }
    }

    private UserProfile onChain(UserProfile p) {
        Await.until(p.fullName() + " is on the ledger's registry",
                () -> Registry.roleOf(ledger.committedState().view(), p.ledgerAddress()).isPresent());
        return p;
    }

    private static <T> T as(UserProfile user, Supplier<T> action) {
        return TestAccounts.as(user.username(), user.role(), action);
    }
}

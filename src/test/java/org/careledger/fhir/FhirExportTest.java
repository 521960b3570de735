package org.careledger.fhir;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import javax.imageio.ImageIO;

import org.careledger.Await;
import org.careledger.IntegrationTest;
import org.careledger.contracts.Purpose;
import org.careledger.contracts.RecordCategory;
import org.careledger.contracts.Registry;
import org.careledger.fhir.internal.Codes;
import org.careledger.fhir.internal.Fhir;
import org.careledger.identity.Role;
import org.careledger.identity.TestAccounts;
import org.careledger.identity.UserProfile;
import org.careledger.node.LedgerService;
import org.careledger.outbox.LedgerReceipt;
import org.careledger.records.AccessEventView;
import org.careledger.records.Attachment;
import org.careledger.records.DoctorConsent;
import org.careledger.records.EntryContent;
import org.careledger.records.Integrity;
import org.careledger.records.PatientConsent;
import org.careledger.records.PatientLookup;
import org.careledger.records.PatientRecords;
import org.careledger.records.RecordEntryView;
import org.careledger.records.RecordsAdministration;
import org.careledger.records.RequestId;
import org.careledger.records.demo.DemoClinicalData;
import org.careledger.records.demo.DemoCondition;
import org.careledger.records.demo.DemoMedication;
import org.careledger.records.demo.DemoPatient;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Basic;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Exports on the real ledger and H2 file, checked by HAPI's validator against base R4 (one shared
 * validator, {@link FhirValidation}): the demo patients' records are valid R4 with an anchor and a proof
 * on each entry, a doctor exports only what the grant covers and the export is a read on the audit, and
 * an erased entry leaves only its date.
 */
class FhirExportTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    PatientFhir patientFhir;
    @Autowired
    DoctorFhir doctorFhir;
    @Autowired
    PatientRecords patientRecords;
    @Autowired
    PatientConsent patientConsent;
    @Autowired
    DoctorConsent doctorConsent;
    @Autowired
    RecordsAdministration admin;
    @Autowired
    LedgerService ledger;

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    @Test
    void theDemoPatientsExportsAreValidR4WithEveryEntryAnchoredAndProved() throws Exception {
        long started = System.nanoTime();
        TestAccounts accounts = new TestAccounts(context);
        List<DemoPatient> demo = DemoClinicalData.load();
        List<UserProfile> patients = new ArrayList<>();
        for (int i = 0; i < demo.size(); i++) {
            patients.add(onChain(accounts.active(Role.PATIENT)));
        }
        List<List<RecordEntryView>> written = new ArrayList<>();
        for (int i = 0; i < demo.size(); i++) {
            written.add(fill(patients.get(i), demo.get(i)));
        }
        UserProfile first = patients.get(0);
        as(first, () -> patientRecords.addSelfReported(RecordCategory.VITAL_SIGNS, EntryContent.measurement("Body weight", "72.5 kg")));
        as(first, () -> patientRecords.addSelfReported(RecordCategory.LAB_RESULT, EntryContent.measurement("Glucose", "5.4 mmol/L")));
        as(first, () -> patientRecords.addSelfReported(RecordCategory.VITAL_SIGNS,
                EntryContent.measurement("Blood pressure (home monitor)", "128/82 mmHg, synthetic demo value")));
        as(first, () -> patientRecords.addSelfReported(RecordCategory.ATTACHMENT,
                EntryContent.file(new Attachment("scan.png", "image/png", png()), "Home test strip")));
        for (UserProfile p : patients) {
            Await.until(p.fullName() + "'s entries are anchored", () -> as(p, () -> patientRecords.myRecord()).stream()
                    .allMatch(e -> e.integrity() == Integrity.VERIFIED && e.anchorBlock() != null));
        }

        System.out.printf("fhir-timing: written and anchored in %d ms%n", (System.nanoTime() - started) / 1_000_000);
        String firstExport = null;
        for (int i = 0; i < patients.size(); i++) {
            UserProfile p = patients.get(i);
            long t0 = System.nanoTime();
            FhirExport export = as(p, () -> patientFhir.exportMyRecord());
            long t1 = System.nanoTime();
            FhirValidation.Report report = FhirValidation.validate(export.json());
            System.out.printf("fhir-timing: export %d ms, validation %d ms, %d resources%n", (t1 - t0) / 1_000_000,
                    (System.nanoTime() - t1) / 1_000_000, export.resources());
            assertThat(report.errors()).as(demo.get(i) + "'s export").isEmpty();

            firstExport = firstExport == null ? export.json() : firstExport;
            Bundle bundle = parse(export.json());
            assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.COLLECTION);
            Patient patient = only(bundle, Patient.class).get(0);
            assertThat(patient.getNameFirstRep().getText()).isEqualTo(p.fullName());
            assertThat(patient.getBirthDateElement().getValueAsString()).isEqualTo(p.dateOfBirth().toString());
            List<Resource> clinical = bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                    .filter(r -> r.getMeta().hasExtension(Codes.ANCHOR)).toList();
            assertThat(clinical).as("one anchored resource per entry").hasSize(as(p, () -> patientRecords.myRecord()).size());
            for (Resource r : clinical) {
                Extension anchor = r.getMeta().getExtensionByUrl(Codes.ANCHOR);
                assertThat(anchor.getExtensionByUrl("chainId").getValue().primitiveValue()).isEqualTo(Long.toString(ledger.genesis().chainId()));
                assertThat(anchor.getExtensionByUrl("blockHeight")).isNotNull();
                assertThat(anchor.getExtensionByUrl("blockHash").getValue().primitiveValue()).hasSize(64);
                assertThat(anchor.getExtensionByUrl("transactionId").getValue().primitiveValue()).hasSize(64);
                assertThat(anchor.getExtensionByUrl("entryHash").getValue().primitiveValue()).hasSize(64);
                String proofUrl = ((org.hl7.fhir.r4.model.Reference) anchor.getExtensionByUrl("proof").getValue()).getReference();
                Binary proof = (Binary) bundle.getEntry().stream().filter(e -> e.getFullUrl().equals(proofUrl)).findFirst().orElseThrow()
                        .getResource();
                assertThat(new String(proof.getData(), java.nio.charset.StandardCharsets.UTF_8)).as("the proof of this entry's anchor")
                        .contains(anchor.getExtensionByUrl("entryHash").getValue().primitiveValue());
            }
            List<Condition> conditions = only(bundle, Condition.class);
            assertThat(conditions).isNotEmpty().allSatisfy(c ->
                    assertThat(c.getCode().getCodingFirstRep().getSystem()).isIn(Codes.SNOMED, Codes.ICD10));
        }
        Bundle firsts = parse(firstExport);
        assertThat(only(firsts, Observation.class)).filteredOn(Observation::hasValueQuantity).anySatisfy(o -> {
            Quantity q = o.getValueQuantity();
            assertThat(q.getSystem()).isEqualTo(Codes.UCUM);
            assertThat(q.getCode()).isEqualTo("kg");
            assertThat(q.getValue()).isEqualByComparingTo("72.5");
        });
        assertThat(only(firsts, org.hl7.fhir.r4.model.DocumentReference.class)).singleElement().satisfies(d ->
                assertThat(d.getContentFirstRep().getAttachment().getData()).isEqualTo(png()));
    }

    @Test
    void aDoctorWithADiagnosisOnlyGrantExportsConditionsOnlyAndTheExportIsARead() {
        TestAccounts accounts = new TestAccounts(context);
        UserProfile doctor = onChain(accounts.active(Role.DOCTOR));
        UserProfile patient = onChain(accounts.active(Role.PATIENT));
        RecordEntryView diagnosis = as(patient, () -> patientRecords.addSelfReported(RecordCategory.DIAGNOSIS,
                EntryContent.coded("ICD-10", "E11.9", "Type 2 diabetes mellitus without complications", null)));
        as(patient, () -> patientRecords.addSelfReported(RecordCategory.MEDICATION,
                EntryContent.coded("RxNorm", "860975", "Metformin 500 mg", "twice daily")));
        RecordEntryView note = as(patient, () -> patientRecords.addSelfReported(RecordCategory.CLINICAL_NOTE,
                EntryContent.note("Secret-note-" + System.nanoTime())));
        assertThatThrownBy(() -> as(doctor, () -> doctorFhir.exportRecord(patient.ledgerAddress())))
                .isInstanceOf(org.careledger.records.ConsentRequiredException.class);
        assertThatThrownBy(() -> as(doctor, () -> patientFhir.exportMyRecord())).isInstanceOf(AccessDeniedException.class);
        granted(doctor, patient, Set.of(RecordCategory.DIAGNOSIS));

        Bundle bundle = parse(as(doctor, () -> doctorFhir.exportRecord(patient.ledgerAddress())).json());
        List<Resource> resources = bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).toList();
        // an AuditEvent only for a read of this doctor's own: this export's, should the ledger mine it while the Bundle is built
        assertThat(resources).extracting(r -> r.getResourceType().name()).contains("Patient", "Condition", "Consent")
                .isSubsetOf("Patient", "Condition", "Consent", "Practitioner", "Organization", "Binary", "AuditEvent");
        assertThat(only(bundle, AuditEvent.class)).allSatisfy(a -> assertThat(a.getAgentFirstRep().getWho().getDisplay())
                .isEqualTo(doctor.fullName()));
        assertThat(only(bundle, Condition.class)).singleElement().satisfies(c ->
                assertThat(c.getIdentifierFirstRep().getValue()).isEqualTo(diagnosis.entryId().value()));
        assertThat(only(bundle, Consent.class)).singleElement().satisfies(c -> {
            assertThat(c.getStatus()).isEqualTo(Consent.ConsentState.ACTIVE);
            assertThat(c.getProvision().getType()).isEqualTo(Consent.ConsentProvisionType.PERMIT);
            assertThat(c.getProvision().getCodeFirstRep().getCodingFirstRep().getCode()).isEqualTo("DIAGNOSIS");
        });
        assertThat(bundle.getMeta().getExtensionsByUrl(Codes.LEFT_OUT)).extracting(e -> e.getValue().primitiveValue())
                .anyMatch(s -> s.startsWith("medication")).anyMatch(s -> s.startsWith("clinical note"));
        assertThat(Fhir.json(bundle)).doesNotContain("Metformin").doesNotContain(note.content().text());

        Await.until("the export is on the ledger's audit as a read", () -> as(patient, () -> patientConsent.whoViewedMyRecord()).stream()
                .anyMatch(a -> a.entryId().equals(diagnosis.entryId()) && a.reader().name().equals(doctor.fullName())));
        assertThat(as(patient, () -> patientConsent.whoViewedMyRecord())).extracting(AccessEventView::entryId)
                .containsOnly(diagnosis.entryId());
    }

    @Test
    void anErasedEntryIsExportedAsItsErasureDateOnlyAndReadsAsAuditEvents() {
        TestAccounts accounts = new TestAccounts(context);
        UserProfile doctor = onChain(accounts.active(Role.DOCTOR));
        UserProfile patient = onChain(accounts.active(Role.PATIENT));
        String secret = "Erase-me-" + System.nanoTime();
        RecordEntryView note = as(patient, () -> patientRecords.addSelfReported(RecordCategory.CLINICAL_NOTE, EntryContent.note(secret)));
        as(patient, () -> patientRecords.addSelfReported(RecordCategory.DIAGNOSIS,
                EntryContent.coded("SNOMED-CT", "38341003", "Hypertension", null)));
        granted(doctor, patient, Set.of(RecordCategory.DIAGNOSIS));
        as(doctor, () -> doctorFhir.exportRecord(patient.ledgerAddress()));
        as(patient, () -> { patientRecords.requestErasure(note.entryId(), "Recorded by mistake"); return null; });
        accounts.asAdmin(() -> { admin.confirmErasure(note.entryId()); return null; });
        Await.until("the doctor's read is recorded", () -> !as(patient, () -> patientConsent.whoViewedMyRecord()).isEmpty());

        FhirExport export = as(patient, () -> patientFhir.exportMyRecord());
        assertThat(export.json()).doesNotContain(secret);
        Bundle bundle = parse(export.json());
        assertThat(only(bundle, Basic.class)).singleElement().satisfies(b -> {
            assertThat(b.getCode().getText()).startsWith("erased on ");
            assertThat(b.getIdentifierFirstRep().getValue()).isEqualTo(note.entryId().value());
        });
        assertThat(only(bundle, AuditEvent.class)).singleElement().satisfies(a -> {
            assertThat(a.getAgentFirstRep().getWho().getDisplay()).isEqualTo(doctor.fullName());
            assertThat(a.getType().getCode()).isEqualTo("110110");
            assertThat(a.getSubtype()).isEmpty();
        });
        assertThat(only(bundle, Consent.class)).hasSize(1);
        assertThat(FhirValidation.validate(export.json()).errors()).isEmpty();
    }

    // ---- helpers ---------------------------------------------------------------------------------

    /** The demo patient's latest conditions and medicines and every allergy, as the demo seeder writes them, self-reported here. */
    private List<RecordEntryView> fill(UserProfile patient, DemoPatient source) {
        List<RecordEntryView> out = new ArrayList<>();
        source.conditions().stream().sorted(Comparator.comparing(DemoCondition::start).reversed()).limit(4).forEach(c ->
                out.add(as(patient, () -> patientRecords.addSelfReported(RecordCategory.DIAGNOSIS,
                        EntryContent.coded("SNOMED-CT", c.code(), c.display(), c.stop() == null ? "Ongoing." : "Resolved " + c.stop() + "."),
                        c.start()))));
        source.medications().stream().sorted(Comparator.comparing(DemoMedication::start).reversed()).limit(3).forEach(m ->
                out.add(as(patient, () -> patientRecords.addSelfReported(RecordCategory.MEDICATION,
                        EntryContent.coded("RxNorm", m.rxNormCode(), m.display(), m.stop() == null ? "Still taken." : "Until " + m.stop()),
                        m.start()))));
        source.allergies().forEach(a -> out.add(as(patient, () -> patientRecords.addSelfReported(RecordCategory.ALLERGY,
                EntryContent.coded(null, null, a.display(), a.reaction()), a.start()))));
        return out;
    }

    private void granted(UserProfile doctor, UserProfile patient, Set<RecordCategory> categories) {
        LedgerReceipt request = as(doctor, () -> doctorConsent.requestAccess(patient.ledgerAddress(), Purpose.TREATMENT, categories,
                Duration.ofDays(7), null));
        Await.until("the patient sees the request", () -> as(patient, () -> patientConsent.myRequests()).stream()
                .anyMatch(r -> r.requestId().value().equals(request.txId())));
        as(patient, () -> patientConsent.grant(new RequestId(request.txId()), categories, Duration.ofDays(7)));
        Await.until("the grant is mined", () -> as(doctor, () -> doctorConsent.lookup(patient.ledgerAddress())).state()
                == PatientLookup.AccessState.GRANTED);
    }

    private UserProfile onChain(UserProfile p) {
        Await.until(p.fullName() + " is on the ledger's registry",
                () -> Registry.roleOf(ledger.committedState().view(), p.ledgerAddress()).isPresent());
        return p;
    }

    private static Bundle parse(String json) {
        return Fhir.context().newJsonParser().parseResource(Bundle.class, json);
    }

    private static <R extends Resource> List<R> only(Bundle bundle, Class<R> type) {
        return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(type::isInstance).map(type::cast).toList();
    }

    private static byte[] png() {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), "png", out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static <T> T as(UserProfile user, Supplier<T> action) {
        return TestAccounts.as(user.username(), user.role(), action);
    }
}

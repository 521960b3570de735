package org.careledger.fhir;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.server.StreamResource;
import com.vaadin.flow.server.VaadinSession;
import org.careledger.Await;
import org.careledger.contracts.Purpose;
import org.careledger.contracts.RecordCategory;
import org.careledger.contracts.Registry;
import org.careledger.fhir.internal.Fhir;
import org.careledger.identity.Role;
import org.careledger.identity.TestAccounts;
import org.careledger.identity.UserProfile;
import org.careledger.node.LedgerService;
import org.careledger.outbox.LedgerReceipt;
import org.careledger.records.DoctorConsent;
import org.careledger.records.EntryContent;
import org.careledger.records.PatientConsent;
import org.careledger.records.PatientLookup;
import org.careledger.records.PatientRecords;
import org.careledger.records.RequestId;
import org.careledger.ui.KaribuTest;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.Test;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.UploadKt._upload;
import static org.assertj.core.api.Assertions.assertThat;

/** The "Download FHIR" link on the patient's record and on the doctor's view of it, followed as a browser would, and the patient's FHIR import. */
class FhirDownloadViewTest extends KaribuTest {

    @Test
    void thePatientAndTheirDoctorDownloadTheRecordAsFhirAndThePatientImportsAFhirFile() throws Exception {
        LedgerService ledger = ctx.getBean(LedgerService.class);
        UserProfile doctor = accounts().active(Role.DOCTOR);
        UserProfile patient = accounts().active(Role.PATIENT);
        Await.until("both are on the ledger", () -> Registry.roleOf(ledger.committedState().view(), doctor.ledgerAddress()).isPresent()
                && Registry.roleOf(ledger.committedState().view(), patient.ledgerAddress()).isPresent());
        PatientRecords records = ctx.getBean(PatientRecords.class);
        TestAccounts.as(patient, () -> records.addSelfReported(RecordCategory.DIAGNOSIS,
                EntryContent.coded("SNOMED-CT", "38341003", "Hypertension", null)));
        TestAccounts.as(patient, () -> records.addSelfReported(RecordCategory.ALLERGY, EntryContent.coded(null, null, "Penicillin", "hives")));
        // before signing in to the UI: in a Vaadin session, the session's sign-in is the one services see
        granted(doctor, patient, Set.of(RecordCategory.DIAGNOSIS));

        login(patient.username(), Role.PATIENT);
        UI.getCurrent().navigate("patient/record");
        Anchor mine = _get(Anchor.class, spec -> spec.withId("fhir-download"));
        assertThat(mine.getText()).isEqualTo("Download FHIR");
        Bundle own = download(mine);
        assertThat(own.getEntry()).extracting(e -> e.getResource().getResourceType().name())
                .contains("Patient", "Condition", "AllergyIntolerance");

        byte[] sample;
        try (java.io.InputStream in = FhirDownloadViewTest.class.getResourceAsStream("import-sample.json")) {
            sample = in.readAllBytes();
        }
        _upload(_get(com.vaadin.flow.component.upload.Upload.class, spec -> spec.withId("fhir-import")), "import-sample.json",
                "application/json", sample);
        assertThat(records.myPendingEntries()).as("the imported entries wait for the patient").hasSize(5)
                .allSatisfy(e -> assertThat(e.importedFrom()).isEqualTo("FHIR import: import-sample.json"));

        login(doctor.username(), Role.DOCTOR);
        UI.getCurrent().navigate("doctor/patients/" + patient.ledgerAddress());
        Bundle doctors = download(_get(Anchor.class, spec -> spec.withId("fhir-download")));
        assertThat(doctors.getEntry()).extracting(e -> e.getResource().getResourceType().name())
                .contains("Condition").doesNotContain("AllergyIntolerance", "AuditEvent");
    }

    private static Bundle download(Anchor link) throws Exception {
        StreamResource resource = (StreamResource) VaadinSession.getCurrent().getResourceRegistry()
                .getResource(new URI(link.getHref())).orElseThrow();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        resource.getWriter().accept(out, VaadinSession.getCurrent());
        return Fhir.context().newJsonParser().parseResource(Bundle.class, out.toString(StandardCharsets.UTF_8));
    }

    private void granted(UserProfile doctor, UserProfile patient, Set<RecordCategory> categories) {
        DoctorConsent doctorConsent = ctx.getBean(DoctorConsent.class);
        PatientConsent patientConsent = ctx.getBean(PatientConsent.class);
        LedgerReceipt request = TestAccounts.as(doctor, () -> doctorConsent.requestAccess(patient.ledgerAddress(), Purpose.TREATMENT,
                categories, Duration.ofDays(7), null));
        Await.until("the patient sees the request", () -> TestAccounts.as(patient, () -> patientConsent.myRequests()).stream()
                .anyMatch(r -> r.requestId().value().equals(request.txId())));
        TestAccounts.as(patient, () -> patientConsent.grant(new RequestId(request.txId()), categories, Duration.ofDays(7)));
        Await.until("the grant is mined", () -> TestAccounts.as(doctor, () -> doctorConsent.lookup(patient.ledgerAddress())).state()
                == PatientLookup.AccessState.GRANTED);
    }
}

package org.careledger.fhir;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

import com.vaadin.flow.component.UI;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.upload.Upload;
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
import org.careledger.records.DoctorRecords;
import org.careledger.records.EntryContent;
import org.careledger.records.PatientConsent;
import org.careledger.records.PatientLookup;
import org.careledger.records.PatientRecords;
import org.careledger.records.RequestId;
import org.careledger.ui.KaribuTest;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.Test;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.UploadKt._upload;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The "Download FHIR" link on the patient's record and on the doctor's view of it, followed as a browser would, and the FHIR
 * import on both: the progress shows at once, and the report (imported, skipped with why) when the background job ends.
 */
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
        UserProfile someoneElse = accounts().active(Role.PATIENT);

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
        Upload upload = _get(Upload.class, spec -> spec.withId("fhir-import"));
        CountDownLatch release = new CountDownLatch(1);
        Div running;
        try {
            FhirPeople.holdTheWorker(ctx.getBean(FhirImportJobs.class), someoneElse, release);
            _upload(upload, "import-sample.json", "application/json", sample);
            running = _get(Div.class, spec -> spec.withId("fhir-import-running"));
            assertThat(_get(Span.class, spec -> spec.withId("fhir-import-step")).getText()).isEqualTo("Waiting for other imports to finish…");
            assertThat(upload.isVisible()).as("no second file meanwhile").isFalse();
        } finally {
            release.countDown();
        }
        assertThat(reportWhenDone()).isEqualTo("5 entries wait for your approval below; 2 resources not imported (listed below)");
        assertThat(running.isVisible()).as("the progress gives way to the report").isFalse();
        assertThat(upload.isVisible()).isTrue();
        assertThat(_find(ListItem.class, spec -> spec.withText("Immunization urn:uuid:0b5f3a2e-1c1d-4d2a-9a55-5e0f3c4b7a07: not imported")))
                .hasSize(1);
        assertThat(_find(Div.class, spec -> spec.withClasses("pending-entry"))).as("the page shows them, waiting").hasSize(5);
        assertThat(records.myPendingEntries()).as("the imported entries wait for the patient").hasSize(5)
                .allSatisfy(e -> assertThat(e.importedFrom()).isEqualTo("FHIR import: import-sample.json"));

        login(doctor.username(), Role.DOCTOR);
        UI.getCurrent().navigate("doctor/patients/" + patient.ledgerAddress());
        Bundle doctors = download(_get(Anchor.class, spec -> spec.withId("fhir-download")));
        assertThat(doctors.getEntry()).extracting(e -> e.getResource().getResourceType().name())
                .contains("Condition").doesNotContain("AllergyIntolerance");

        byte[] referral = new String(sample, StandardCharsets.UTF_8).replace("44054006", "38341003").getBytes(StandardCharsets.UTF_8);
        _upload(_get(Upload.class, spec -> spec.withId("fhir-import")), "referral.json", "application/json", referral);
        assertThat(reportWhenDone()).isEqualTo("1 entry sent to the patient for approval; 6 resources not imported (listed below)");
        assertThat(_find(ListItem.class, spec -> spec.withText(
                "AllergyIntolerance urn:uuid:0b5f3a2e-1c1d-4d2a-9a55-5e0f3c4b7a05: allergy entries are not covered by your access"))).hasSize(1);
        assertThat(TestAccounts.as(doctor, () -> ctx.getBean(DoctorRecords.class).myEntriesFor(patient.ledgerAddress())))
                .singleElement().satisfies(e -> assertThat(e.content().code()).isEqualTo("38341003"));
    }

    /** The import's report, once the background job has pushed it to the page. */
    private static String reportWhenDone() {
        Paragraph outcome = _get(Paragraph.class, spec -> spec.withId("fhir-import-outcome"));
        Await.until("the import's report is on the page", () -> {
            MockVaadin.clientRoundtrip();
            return !outcome.getText().isEmpty();
        });
        return outcome.getText();
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

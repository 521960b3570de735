package org.careledger.fhir;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import javax.imageio.ImageIO;

import org.careledger.IntegrationTest;
import org.careledger.contracts.RecordCategory;
import org.careledger.fhir.internal.Fhir;
import org.careledger.identity.Role;
import org.careledger.identity.TestAccounts;
import org.careledger.identity.UserProfile;
import org.careledger.records.Attachment;
import org.careledger.records.EntryContent;
import org.careledger.records.EntryRules;
import org.careledger.records.PatientRecords;
import org.careledger.records.RecordEntryView;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careledger.fhir.FhirPeople.as;

/**
 * DocumentReferences coming in: inlined content becomes an attachment entry within the attachment
 * upload's limits (PDF, PNG or JPEG judged by its bytes, at most 10 MB) or a note when it is plain text;
 * content only pointed at by URL is never fetched; and our own export's notes and files come back.
 */
class FhirDocumentImportTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    PatientFhir patientFhir;
    @Autowired
    PatientRecords patientRecords;

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    @Test
    void inlinedFilesBecomeAttachmentsWithinTheUploadsLimitsAndLinkedOnesAreNotFetched() {
        UserProfile patient = new FhirPeople(context).active(Role.PATIENT);
        byte[] pdf = "%PDF-1.4\n% a referral letter\n%%EOF\n".getBytes(StandardCharsets.UTF_8);
        byte[] tooLarge = Arrays.copyOf(pdf, EntryContent.MAX_ATTACHMENT_BYTES + 1);
        Bundle bundle = new Bundle().setType(Bundle.BundleType.COLLECTION);
        add(bundle, "letter", "application/pdf", pdf, "referral.pdf", null);
        add(bundle, "page", "text/html", "<p>hello</p>".getBytes(StandardCharsets.UTF_8), "page.html", null);
        add(bundle, "scan", "application/pdf", tooLarge, "huge.pdf", null);
        add(bundle, "remote", "application/pdf", null, "remote.pdf", "https://elsewhere.example/letters/1.pdf");

        FhirImportReport report = as(patient, () -> patientFhir.importBundle(Fhir.json(bundle).getBytes(StandardCharsets.UTF_8), "docs.json"));

        assertThat(report.pending()).isEqualTo(1);
        assertThat(report.skipped()).containsExactlyInAnyOrder(
                "DocumentReference page: Only PDF, PNG and JPEG files can be attached (judged by their content)",
                "DocumentReference scan: " + EntryRules.ATTACHMENT_TOO_LARGE,
                "DocumentReference remote: external content not fetched");
        assertThat(as(patient, () -> patientRecords.myPendingEntries())).singleElement().satisfies(e -> {
            assertThat(e.category()).isEqualTo(RecordCategory.ATTACHMENT);
            assertThat(e.content().attachment()).isEqualTo(new Attachment("referral.pdf", "application/pdf", pdf));
            assertThat(e.clinicalDate()).hasToString("2024-05-06");
        });
    }

    @Test
    void ourOwnExportsNotesAndFilesComeBack() throws Exception {
        FhirPeople people = new FhirPeople(context);
        UserProfile from = people.active(Role.PATIENT);
        UserProfile to = people.active(Role.PATIENT);
        EntryContent note = EntryContent.note("Seen for a follow-up.\nBlood pressure well controlled.");
        EntryContent file = EntryContent.file(new Attachment("scan.png", "image/png", png()), "Home test strip");
        as(from, () -> patientRecords.addSelfReported(RecordCategory.CLINICAL_NOTE, note));
        as(from, () -> patientRecords.addSelfReported(RecordCategory.ATTACHMENT, file));

        byte[] exported = as(from, () -> patientFhir.exportMyRecord()).bytes();
        FhirImportReport report = as(to, () -> patientFhir.importBundle(exported, "export.json"));

        assertThat(report.pending()).isEqualTo(2);
        List<RecordEntryView> back = as(to, () -> patientRecords.myPendingEntries());
        assertThat(back).extracting(RecordEntryView::category).containsExactlyInAnyOrder(RecordCategory.CLINICAL_NOTE, RecordCategory.ATTACHMENT);
        assertThat(back).extracting(RecordEntryView::content).containsExactlyInAnyOrder(note, file);
        assertThat(as(to, () -> patientFhir.importBundle(exported, "export.json")).alreadyThere()).as("the same file again").isEqualTo(2);
    }

    private static void add(Bundle bundle, String id, String type, byte[] data, String title, String url) {
        DocumentReference d = new DocumentReference().setStatus(Enumerations.DocumentReferenceStatus.CURRENT);
        d.setId(id);
        d.setDateElement(new org.hl7.fhir.r4.model.InstantType("2024-05-06T10:15:00+02:00"));
        org.hl7.fhir.r4.model.Attachment a = new org.hl7.fhir.r4.model.Attachment().setContentType(type).setTitle(title);
        if (data != null) {
            a.setData(data);
        }
        if (url != null) {
            a.setUrl(url);
        }
        d.addContent().setAttachment(a);
        bundle.addEntry().setFullUrl("urn:uuid:" + java.util.UUID.randomUUID()).setResource(d);
    }

    private static byte[] png() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }
}

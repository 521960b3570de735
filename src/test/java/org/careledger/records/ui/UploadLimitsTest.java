package org.careledger.records.ui;

import jakarta.servlet.MultipartConfigElement;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.upload.Upload;
import elemental.json.Json;
import elemental.json.JsonObject;
import org.careledger.contracts.RecordCategory;
import org.careledger.identity.Role;
import org.careledger.identity.TestAccounts;
import org.careledger.identity.UserProfile;
import org.careledger.records.EntryContent;
import org.careledger.records.PatientCodes;
import org.careledger.records.PatientRecords;
import org.careledger.ui.KaribuTest;
import org.junit.jupiter.api.Test;
import org.springframework.web.multipart.MultipartResolver;

import static com.github.mvysny.kaributesting.v10.BasicUtilsKt._fireDomEvent;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static com.github.mvysny.kaributesting.v10.UploadKt._upload;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A file over an upload's limit is refused in the app's own words, which name the limit, whether the
 * browser refuses it (the upload's {@code file-reject} event, as the browser sends it) or the server
 * finds it too large (a request that bypassed the browser's check); nothing is looked up or stored.
 */
class UploadLimitsTest extends KaribuTest {

    private static final String QR_TOO_LARGE = "The file is larger than 5 MB, the most a QR code image may be";
    private static final String ATTACHMENT_TOO_LARGE = "The file is larger than 10 MB, the most an attachment may be";

    @Test
    void aQrImageTheBrowserRefusesForItsSizeIsExplainedWithTheLimit() {
        DoctorPatientsView view = doctorsPatients();

        browserRefuses(upload("patient-code-upload"), "photo.jpg", PatientCodes.MAX_BYTES + 1L, "File is Too Big.");

        assertThat(shownError("patient-code-upload-error")).isEqualTo(QR_TOO_LARGE);
        assertThat(view.lookupPanel.isVisible()).isFalse();
    }

    @Test
    void aQrImageOverTheLimitThatReachesTheServerGetsTheSameMessageAndNoLookUp() {
        DoctorPatientsView view = doctorsPatients();

        _upload(upload("patient-code-upload"), "photo.png", "image/png", new byte[PatientCodes.MAX_BYTES + 1]);

        assertThat(shownError("patient-code-upload-error")).isEqualTo(QR_TOO_LARGE);
        assertThat(view.lookupPanel.isVisible()).isFalse();
    }

    @Test
    void aFileTheBrowserRefusesForAnotherReasonIsNotCalledTooLarge() {
        doctorsPatients();

        browserRefuses(upload("patient-code-upload"), "notes.txt", 120, "Incorrect File Type.");

        assertThat(shownError("patient-code-upload-error")).isEqualTo("Incorrect File Type.");
    }

    @Test
    void anAttachmentOverTheLimitIsRefusedWithTheLimitWhereverItIsFoundAndNothingIsStored() {
        UserProfile patient = accounts().active(Role.PATIENT);
        login(patient.username(), Role.PATIENT);
        UI.getCurrent().navigate("patient/record");
        EntryForm form = _get(EntryForm.class);
        _setValue(form.category, RecordCategory.ATTACHMENT);

        browserRefuses(upload("entry-attachment"), "scan.pdf", EntryContent.MAX_ATTACHMENT_BYTES + 1L, "File is Too Big.");
        assertThat(shownError("entry-attachment-error")).isEqualTo(ATTACHMENT_TOO_LARGE);

        byte[] oversized = new byte[EntryContent.MAX_ATTACHMENT_BYTES + 1];
        System.arraycopy("%PDF-1.4".getBytes(), 0, oversized, 0, 8);
        _upload(upload("entry-attachment"), "scan.pdf", "application/pdf", oversized);
        assertThat(shownError("entry-attachment-error")).isEqualTo(ATTACHMENT_TOO_LARGE);

        _click(form.save);
        assertThat(shownError("entry-attachment-error")).isEqualTo("Choose a PDF, PNG or JPEG file");
        PatientRecords records = ctx.getBean(PatientRecords.class);
        assertThat(TestAccounts.as(patient.username(), Role.PATIENT, records::myRecord)).isEmpty();
    }

    /**
     * Spring's own multipart handling (on by default) cut every upload at 1 MB with a bare 413, which
     * the browser shows as "Upload forbidden", long before the views' limits of 5 and 10 MB, and
     * wrote each upload to a temporary file first. Vaadin reads uploads itself, as a stream.
     */
    @Test
    void uploadsAreLeftToTheViewsOwnLimitsNotCutEarlierBySpring() {
        assertThat(ctx.getBeanNamesForType(MultipartConfigElement.class)).isEmpty();
        assertThat(ctx.getBeanNamesForType(MultipartResolver.class)).isEmpty();
    }

    private DoctorPatientsView doctorsPatients() {
        UserProfile doctor = accounts().active(Role.DOCTOR);
        login(doctor.username(), Role.DOCTOR);
        UI.getCurrent().navigate("doctor/patients");
        return _get(DoctorPatientsView.class);
    }

    private static Upload upload(String id) {
        return _get(Upload.class, spec -> spec.withId(id));
    }

    /** What the error label under an upload shows, or null while it is hidden. */
    private static String shownError(String id) {
        ErrorLabel label = _get(ErrorLabel.class, spec -> spec.withId(id));
        return label.isVisible() ? label.getText() : null;
    }

    /** The upload's {@code file-reject} event as vaadin-upload sends it when it refuses a file before sending it. */
    private static void browserRefuses(Upload upload, String name, long size, String browsersWords) {
        JsonObject data = Json.createObject();
        data.put("event.detail.error", browsersWords);
        data.put("event.detail.file.name", name);
        data.put("event.detail.file.size", size);
        _fireDomEvent(upload, "file-reject", data);
    }
}

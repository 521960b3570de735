package org.careledger.records.ui;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import org.careledger.contracts.Purpose;
import org.careledger.contracts.RecordCategory;
import org.careledger.contracts.Registry;
import org.careledger.identity.Role;
import org.careledger.identity.TestAccounts;
import org.careledger.identity.UserProfile;
import org.careledger.node.LedgerService;
import org.careledger.records.AccessRequestView;
import org.careledger.records.DoctorConsent;
import org.careledger.records.DoctorRecords;
import org.careledger.records.EntryContent;
import org.careledger.records.EntryId;
import org.careledger.records.GrantView;
import org.careledger.records.PatientConsent;
import org.careledger.records.PatientRecords;
import org.careledger.records.RecordEntryView;
import org.careledger.records.RequestId;
import org.careledger.ui.KaribuTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.mvysny.kaributesting.v10.GridKt._fetch;
import static com.github.mvysny.kaributesting.v10.GridKt._getColumnByHeader;
import static com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

class RecordsViewsTest extends KaribuTest {

    private static final Duration LEDGER = Duration.ofSeconds(20);

    private DoctorConsent doctorConsent;
    private PatientConsent consents;
    private DoctorRecords doctorRecords;
    private PatientRecords records;
    private UserProfile doctor;
    private UserProfile patient;

    @BeforeEach
    void freshDoctorAndPatient() {
        doctorConsent = ctx.getBean(DoctorConsent.class);
        consents = ctx.getBean(PatientConsent.class);
        doctorRecords = ctx.getBean(DoctorRecords.class);
        records = ctx.getBean(PatientRecords.class);
        doctor = accounts().active(Role.DOCTOR);
        patient = accounts().active(Role.PATIENT);
        // a just-approved account is registered on the ledger a block or two later; requests and anchors wait for it
        LedgerService ledger = ctx.getBean(LedgerService.class);
        eventually(() -> Registry.roleOf(ledger.committedState().view(), doctor.ledgerAddress()).isPresent()
                && Registry.roleOf(ledger.committedState().view(), patient.ledgerAddress()).isPresent(), onLedger -> onLedger);
    }

    @Test
    void aDoctorWhoTypesAnAddressSeesOnlyTheAddressAndNoAccess() {
        login(doctor.username(), Role.DOCTOR);
        UI.getCurrent().navigate("doctor/patients");
        DoctorPatientsView view = _get(DoctorPatientsView.class);

        _setValue(view.addressField, "  " + patient.ledgerAddress().toString().toLowerCase() + " ");
        _click(_get(Button.class, spec -> spec.withId("find-patient-button")));

        assertThat(view.lookupAddress.getText()).isEqualTo(patient.ledgerAddress().toString());
        assertThat(view.lookupState.getText()).isEqualTo("No access: ask the patient for access");
        String shown = view.getElement().getTextRecursively();
        assertThat(shown).doesNotContain(patient.fullName()).doesNotContain(patient.email()).doesNotContain(patient.policyNumber());
    }

    @Test
    void aMistypedAddressIsExplainedNextToTheField() {
        login(doctor.username(), Role.DOCTOR);
        UI.getCurrent().navigate("doctor/patients");
        DoctorPatientsView view = _get(DoctorPatientsView.class);

        _setValue(view.addressField, "0x1234");
        _click(_get(Button.class, spec -> spec.withId("find-patient-button")));

        assertThat(view.addressField.isInvalid()).isTrue();
        assertThat(view.addressField.getErrorMessage())
                .isEqualTo("The address is too short: it has 4 characters after 0x, where 40 are expected");
        assertThat(view.lookupPanel.isVisible()).isFalse();
    }

    @Test
    void aRequestWithoutACategoryShowsTheErrorNextToTheCategories() {
        login(doctor.username(), Role.DOCTOR);
        UI.getCurrent().navigate("doctor/patients", com.vaadin.flow.router.QueryParameters.of("address", patient.ledgerAddress().toString()));
        DoctorPatientsView view = _get(DoctorPatientsView.class);

        _click(_get(Button.class, spec -> spec.withId("request-access-button")));

        assertThat(view.requestForm.categories.isInvalid()).isTrue();
        assertThat(view.requestForm.categories.getErrorMessage()).isEqualTo("Choose at least one kind of record");
        assertThat(view.lookupState.getText()).startsWith("No access");
    }

    @Test
    void aRequestSentFromTheFormIsPendingWithItsLedgerStatus() {
        login(doctor.username(), Role.DOCTOR);
        UI.getCurrent().navigate("doctor/patients", com.vaadin.flow.router.QueryParameters.of("address", patient.ledgerAddress().toString()));
        DoctorPatientsView view = _get(DoctorPatientsView.class);

        _setValue(view.requestForm.categories, Set.of(RecordCategory.DIAGNOSIS, RecordCategory.ALLERGY));
        _click(_get(Button.class, spec -> spec.withId("request-access-button")));

        assertThat(view.lookupState.getText()).startsWith("Request pending");
        assertThat(view.receipt.getText()).matches("Your request — Ledger: (queued|pending|committed in block \\d+)");
    }

    @Test
    void aPatientSeesTheRequestAndApprovesIt() {
        RequestId requestId = requested(Set.of(RecordCategory.DIAGNOSIS, RecordCategory.LAB_RESULT), Duration.ofDays(30));
        login(patient.username(), Role.PATIENT);
        UI.getCurrent().navigate("patient/consents");
        AccessRequestsView view = _get(AccessRequestsView.class);

        String card = _get(view.pending, com.vaadin.flow.component.html.Div.class, spec -> spec.withId("request-" + requestId))
                .getElement().getTextRecursively();
        assertThat(card).contains(doctor.fullName()).contains("GMC-123/4").contains("Purpose: treatment")
                .contains("diagnosis, lab result").contains("30 days").contains("Note: after the clinic");

        _click(_get(Button.class, spec -> spec.withId("approve-request-button-" + requestId)));
        GrantDialog dialog = _get(GrantDialog.class);
        _setValue(dialog.categories, Set.of(RecordCategory.DIAGNOSIS));
        _setValue(dialog.duration, Duration.ofDays(7));
        _click(dialog.grantButton);

        // the grant may be mined before the view refreshes: either way the request no longer asks for a decision
        assertThat(view.pending.getElement().getTextRecursively()).containsAnyOf("Your decision is on its way", "No requests are waiting");
        assertThat(_find(Button.class, spec -> spec.withId("approve-request-button-" + requestId))).isEmpty();
        GrantView grant = eventually(() -> asPatient(consents::myGrants), g -> !g.isEmpty()).get(0);
        assertThat(grant.categories()).containsExactly(RecordCategory.DIAGNOSIS);
        assertThat(Duration.between(grant.start(), grant.end())).isEqualTo(Duration.ofDays(7));
        view.refresh();
        assertThat(_size(view.grants)).isEqualTo(1);
        assertThat(_getFormattedRow(view.grants, _fetch(view.grants, 0, 1).get(0))).contains("Active");
        assertThat(view.pending.getElement().getTextRecursively()).contains("No requests are waiting");
    }

    @Test
    void theAccessLogListsADoctorsRead() {
        TestAccounts.as(patient.username(), Role.PATIENT, () -> records.addSelfReported(RecordCategory.ALLERGY,
                EntryContent.coded(null, null, "Penicillin", "hives")));
        RequestId requestId = requested(Set.of(RecordCategory.ALLERGY), Duration.ofDays(7));
        asPatient(() -> consents.grant(requestId, Set.of(RecordCategory.ALLERGY), Duration.ofDays(7)));
        eventually(() -> asPatient(consents::myGrants), g -> !g.isEmpty());
        TestAccounts.as(doctor.username(), Role.DOCTOR, () -> doctorRecords.readRecord(patient.ledgerAddress()));
        eventually(() -> asPatient(consents::whoViewedMyRecord), l -> !l.isEmpty());

        login(patient.username(), Role.PATIENT);
        UI.getCurrent().navigate("patient/access-log");
        AccessLogView view = _get(AccessLogView.class);

        assertThat(_size(view.log)).as("one visit, one row").isEqualTo(1);
        List<String> row = _getFormattedRow(view.log, _fetch(view.log, 0, 1).get(0));
        assertThat(row).contains(doctor.fullName(), "Penicillin", "allergy", "treatment", "Grant");
        assertThat(AccessLogView.reads(_fetch(view.log, 0, 1).get(0)).getElement().getTextRecursively())
                .as("each single read names its entry").contains("Penicillin (allergy), under the grant for treatment");
    }

    @Test
    void withoutConsentTheRecordSaysSoAndAnEmergencyNeedsAWrittenReason() {
        login(doctor.username(), Role.DOCTOR);
        UI.getCurrent().navigate(DoctorRecordView.class,
                new com.vaadin.flow.router.RouteParameters(DoctorRecordView.ADDRESS, patient.ledgerAddress().toString()));
        assertThat(_get(com.vaadin.flow.component.html.Paragraph.class, spec -> spec.withId("consent-required")).getText())
                .contains("no active consent");

        _click(_get(Button.class, spec -> spec.withId("declare-emergency-button")));
        EmergencyDialog dialog = _get(EmergencyDialog.class);
        _setValue(dialog.reason, "urgent");
        _click(dialog.declareButton);
        assertThat(dialog.reason.isInvalid()).isTrue();
        assertThat(dialog.reason.getErrorMessage()).startsWith("Write why this is an emergency");

        _setValue(dialog.reason, "Unconscious in A&E, allergies unknown");
        _click(dialog.declareButton);
        DoctorRecordView view = _get(DoctorRecordView.class);
        assertThat(view.title.getText()).isEqualTo("Record of " + patient.fullName());
        _get(com.vaadin.flow.component.html.Div.class, spec -> spec.withId("emergency-banner"));
    }

    @Test
    void myRecordOffersErasureExactlyWhileThePatientMayStillAskForIt() {
        RecordEntryView entry = asPatient(() -> records.addSelfReported(RecordCategory.ALLERGY,
                EntryContent.coded(null, null, "Pollen", "sneezing")));
        login(patient.username(), Role.PATIENT);
        UI.getCurrent().navigate("patient/record");
        MyRecordView view = _get(MyRecordView.class);
        assertThat(erasureCell(view, entry.entryId())).as("a self-reported entry may be erased too").isEqualTo("Request erasure");

        asPatient(() -> {
            records.requestErasure(entry.entryId(), null);
            return null;
        });
        view.refresh();
        assertThat(erasureCell(view, entry.entryId())).startsWith("requested ");
    }

    /** What the Erasure column shows for one entry of the patient's record: its button's label, or its text. */
    @SuppressWarnings("unchecked")
    private static String erasureCell(MyRecordView view, EntryId id) {
        RecordEntryView row = _fetch(view.entries, 0, 1000).stream().filter(e -> e.entryId().equals(id)).findFirst().orElseThrow();
        ComponentRenderer<Span, RecordEntryView> renderer =
                (ComponentRenderer<Span, RecordEntryView>) _getColumnByHeader(view.entries, "Erasure").getRenderer();
        Span cell = renderer.createComponent(row);
        return cell.getChildren().findFirst().map(c -> c instanceof Button b ? b.getText() : "").orElse(cell.getText());
    }

    /** A request of the doctor's for the patient, once it is on the ledger; its id. */
    private RequestId requested(Set<RecordCategory> categories, Duration duration) {
        TestAccounts.as(doctor.username(), Role.DOCTOR, () -> doctorConsent.requestAccess(patient.ledgerAddress(),
                Purpose.TREATMENT, categories, duration, "after the clinic"));
        List<AccessRequestView> requests = eventually(() -> asPatient(consents::myRequests), r -> !r.isEmpty());
        return requests.get(0).requestId();
    }

    private <T> T asPatient(Supplier<T> action) {
        return TestAccounts.as(patient.username(), Role.PATIENT, action);
    }

    /** Polls until the ledger has caught up (blocks come every second or two), failing after a deadline. */
    private static <T> T eventually(Supplier<T> probe, Predicate<T> done) {
        Instant deadline = Instant.now().plus(LEDGER);
        while (true) {
            T value = probe.get();
            if (done.test(value)) {
                return value;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Still not there after " + LEDGER.toSeconds() + " s: " + value);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}

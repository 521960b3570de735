package org.careledger.records.ui;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.RouteParameters;
import org.careledger.common.ui.ResponsiveGrid;
import org.careledger.contracts.Purpose;
import org.careledger.contracts.RecordCategory;
import org.careledger.contracts.Registry;
import org.careledger.contracts.RequestStatus;
import org.careledger.identity.Role;
import org.careledger.identity.TestAccounts;
import org.careledger.identity.UserProfile;
import org.careledger.node.LedgerService;
import org.careledger.outbox.LedgerReceipt;
import org.careledger.records.AccessRequestView;
import org.careledger.records.DoctorConsent;
import org.careledger.records.DoctorRecords;
import org.careledger.records.EntryContent;
import org.careledger.records.GrantView;
import org.careledger.records.Integrity;
import org.careledger.records.PatientConsent;
import org.careledger.records.PatientRecords;
import org.careledger.records.RecordEntryView;
import org.careledger.records.RecordsAdministration;
import org.careledger.records.RequestId;
import org.careledger.ui.KaribuTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.mvysny.kaributesting.v10.GridKt._getCellComponent;
import static com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a new user meets on the records pages: every empty list says what would appear there and
 * why, and the Access requests page shows what the services (and the ledger) say after each of the
 * patient's decisions.
 */
class RecordsViewStatesTest extends KaribuTest {

    private static final Duration LEDGER = Duration.ofSeconds(30);

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
    void aNewPatientsPagesSayWhatWouldAppearInEachEmptyList() {
        login(patient.username(), Role.PATIENT);

        UI.getCurrent().navigate("patient/consents");
        AccessRequestsView requests = _get(AccessRequestsView.class);
        assertThat(requests.pending.getElement().getTextRecursively())
                .contains("No requests are waiting for your decision. When a doctor asks to see your record");
        assertEmptySaying(requests.grants, "You have not given any doctor access");
        assertEmptySaying(requests.decided, "No earlier requests");

        UI.getCurrent().navigate("patient/record");
        assertEmptySaying(_get(MyRecordView.class).entries, "Your record is empty. Entries appear here when you approve");

        UI.getCurrent().navigate("patient/access-log");
        AccessLogView log = _get(AccessLogView.class);
        assertEmptySaying(log.log, "Nobody has read your record");
        assertEmptySaying(log.emergencies, "No emergency access to your record");
    }

    @Test
    void aNewDoctorsPagesSayWhatWouldAppearInEachEmptyList() {
        UserProfile newcomer = accounts().active(Role.DOCTOR);
        grant(Set.of(RecordCategory.DIAGNOSIS));

        login(newcomer.username(), Role.DOCTOR);
        UI.getCurrent().navigate("doctor/patients");
        assertEmptySaying(_get(DoctorPatientsView.class).patients, "No patient has given you access at the moment");

        login(doctor.username(), Role.DOCTOR);
        UI.getCurrent().navigate(DoctorRecordView.class, new RouteParameters(DoctorRecordView.ADDRESS, patient.ledgerAddress().toString()));
        DoctorRecordView record = _get(DoctorRecordView.class);
        assertEmptySaying(record.entries, "Nothing in the categories open to you");
        assertEmptySaying(record.myEntries, "You have written no entries for this patient");
    }

    @Test
    void theAdminsQueuesListWhatTheServicesHoldAndSayWhatWouldAppearThere() {
        login(org.careledger.identity.DemoAccounts.ADMIN.username(), Role.ADMIN);
        RecordsAdministration administration = ctx.getBean(RecordsAdministration.class);

        UI.getCurrent().navigate("admin/erasures");
        ErasureRequestsView erasures = _get(ErasureRequestsView.class);
        assertThat(erasures.queue.getEmptyStateText()).startsWith("No erasure requests are waiting. When a patient asks");
        assertThat(_size(erasures.queue)).isEqualTo(administration.pendingErasures().size());

        UI.getCurrent().navigate("admin/emergencies");
        EmergencyReviewsView reviews = _get(EmergencyReviewsView.class);
        assertThat(reviews.queue.getEmptyStateText()).startsWith("No emergency accesses are waiting for review.");
        assertThat(_size(reviews.queue)).isEqualTo(administration.pendingEmergencyReviews().size());
    }

    @Test
    void afterAGrantAndARevocationTheAccessRequestsPageShowsWhatTheLedgerHolds() {
        RequestId requestId = requested(Set.of(RecordCategory.DIAGNOSIS, RecordCategory.ALLERGY));
        login(patient.username(), Role.PATIENT);
        UI.getCurrent().navigate("patient/consents");
        AccessRequestsView view = _get(AccessRequestsView.class);
        String asked = card(view, requestId);
        assertThat(asked).as("the card names its doctor once").startsWith(doctor.fullName());
        assertThat(asked.indexOf(doctor.fullName(), 1)).as("and not again").isEqualTo(-1);

        _click(_get(Button.class, spec -> spec.withId("approve-request-button-" + requestId)));
        GrantDialog dialog = _get(GrantDialog.class);
        _click(dialog.grantButton);
        assertThat(_find(Button.class, spec -> spec.withId("approve-request-button-" + requestId))).as("decided: no second decision").isEmpty();

        LedgerReceipt granted = eventually(() -> decisionOf(requestId), d -> d != null && d.status() == LedgerReceipt.Status.COMMITTED);
        eventually(() -> asPatient(consents::myGrants), g -> !g.isEmpty());
        view.refresh();
        String committed = "Granted · Ledger: committed in block " + granted.blockHeight();
        assertThat(card(view, requestId)).as("the card keeps its decision's block").contains(committed);
        assertThat(_size(view.grants)).isEqualTo(1);
        assertThat(_getFormattedRow(view.grants, 0)).contains("Active", "diagnosis, allergy");
        assertThat(_size(view.decided)).isEqualTo(1);
        assertThat(_getFormattedRow(view.decided, 0)).contains(committed);

        _click(revokeButton(view));
        GrantView revoking = asPatient(consents::myGrants).get(0);
        assertThat(revoking.active()).as("revoked at once, before it is mined").isFalse();
        assertThat(_getFormattedRow(view.grants, 0)).anySatisfy(cell -> assertThat(cell).startsWith("Revoked (Ledger: "));
        assertThat(revokeCell(view).getChildren().filter(Button.class::isInstance)).as("no second revocation").isEmpty();

        GrantView revoked = eventually(() -> asPatient(consents::myGrants).get(0),
                g -> g.revocation() != null && g.revocation().status() == LedgerReceipt.Status.COMMITTED);
        view.refresh();
        assertThat(_getFormattedRow(view.grants, 0)).contains("Revoked (Ledger: committed in block " + revoked.revocation().blockHeight() + ")");
    }

    @Test
    void afterADenialTheAccessRequestsPageShowsWhatTheLedgerHolds() {
        RequestId requestId = requested(Set.of(RecordCategory.MEDICATION));
        login(patient.username(), Role.PATIENT);
        UI.getCurrent().navigate("patient/consents");
        AccessRequestsView view = _get(AccessRequestsView.class);

        _click(_get(Button.class, spec -> spec.withId("deny-request-button-" + requestId)));
        DenyDialog dialog = _get(DenyDialog.class);
        _setValue(dialog.reason, "I see another doctor for this");
        _click(dialog.denyButton);
        assertThat(_find(Button.class, spec -> spec.withId("deny-request-button-" + requestId))).isEmpty();
        assertThat(card(view, requestId)).containsAnyOf("Your decision is on its way", "Denied · Ledger: ");

        LedgerReceipt denied = eventually(() -> decisionOf(requestId), d -> d != null && d.status() == LedgerReceipt.Status.COMMITTED);
        eventually(() -> asPatient(consents::myRequests), r -> r.stream().anyMatch(q -> q.status() == RequestStatus.DENIED));
        view.refresh();
        String committed = "Denied · Ledger: committed in block " + denied.blockHeight();
        assertThat(card(view, requestId)).contains(committed);
        assertThat(_getFormattedRow(view.decided, 0)).contains(committed);
        assertEmptySaying(view.grants, "You have not given any doctor access");
    }

    @Test
    void theDoctorIsToldWhereHisEntryIsOnceThePatientTookItIntoTheRecord() {
        grant(Set.of(RecordCategory.DIAGNOSIS));
        RecordEntryView proposed = TestAccounts.as(doctor, () -> doctorRecords.proposeEntry(patient.ledgerAddress(), RecordCategory.DIAGNOSIS,
                EntryContent.coded("SNOMED-CT", "44054006", "Type 2 diabetes mellitus", "HbA1c 8.1 %")));
        asPatient(() -> records.approveEntry(proposed.entryId()));
        eventually(() -> asPatient(records::myRecord), l -> l.stream().anyMatch(e -> e.integrity() == Integrity.VERIFIED));

        login(doctor.username(), Role.DOCTOR);
        UI.getCurrent().navigate(DoctorRecordView.class, new RouteParameters(DoctorRecordView.ADDRESS, patient.ledgerAddress().toString()));
        DoctorRecordView view = _get(DoctorRecordView.class);
        assertThat(_getFormattedRow(view.myEntries, 0))
                .contains("In the patient's record: read it in the record above while your access covers diagnosis entries")
                .noneMatch(cell -> cell.contains("Type 2 diabetes mellitus"));
        assertThat(_getFormattedRow(view.entries, 0)).contains("Type 2 diabetes mellitus", "SNOMED-CT 44054006", doctor.fullName());
    }

    @Test
    void theAskForAccessFormComesBeforeTheEmergencyWhichStandsApart() {
        login(doctor.username(), Role.DOCTOR);
        UI.getCurrent().navigate("doctor/patients", com.vaadin.flow.router.QueryParameters.of("address", patient.ledgerAddress().toString()));
        DoctorPatientsView view = _get(DoctorPatientsView.class);

        List<Component> panel = view.lookupPanel.getChildren().toList();
        int form = panel.indexOf(view.requestForm);
        int emergency = panel.indexOf(_get(view.lookupPanel, Div.class, spec -> spec.withId("emergency-section")));
        assertThat(form).isNotNegative().isLessThan(emergency);
        assertThat(_get(view.lookupPanel, Div.class, spec -> spec.withId("emergency-section")).getElement().getTextRecursively())
                .contains("In an emergency").contains("an admin reviews it").contains("Declare emergency");
    }

    private static void assertEmptySaying(ResponsiveGrid<?> grid, String text) {
        assertThat(_size(grid)).isZero();
        assertThat(grid.getEmptyStateText()).startsWith(text);
    }

    private static String card(AccessRequestsView view, RequestId requestId) {
        return _get(view.pending, Div.class, spec -> spec.withId("request-" + requestId)).getElement().getTextRecursively();
    }

    private static Component revokeCell(AccessRequestsView view) {
        return _getCellComponent(view.grants, 0, "revoke");
    }

    private static Button revokeButton(AccessRequestsView view) {
        return (Button) revokeCell(view).getChildren().filter(Button.class::isInstance).findFirst().orElseThrow();
    }

    private LedgerReceipt decisionOf(RequestId requestId) {
        return asPatient(consents::myRequests).stream().filter(r -> r.requestId().equals(requestId)).findFirst()
                .map(AccessRequestView::decision).orElse(null);
    }

    @Test
    void theNotificationOfARequestOpensThePageAtThatDoctorsRequest() {
        RequestId requestId = requested(Set.of(RecordCategory.DIAGNOSIS));
        login(patient.username(), Role.PATIENT);
        String link = eventually(() -> ctx.getBean(org.careledger.inbox.Inbox.class).mine(),
                messages -> messages.stream().anyMatch(m -> m.link() != null && m.link().startsWith("patient/consents?doctor=")))
                .stream().filter(m -> m.link() != null && m.link().startsWith("patient/consents?doctor=")).findFirst().orElseThrow().link();

        com.vaadin.flow.router.Location target = new com.vaadin.flow.router.Location(link);
        UI.getCurrent().navigate(target.getPath(), target.getQueryParameters());

        Div card = _get(Div.class, spec -> spec.withId("request-" + requestId));
        assertThat(card.getClassNames()).as("the request the message was about is singled out").contains("cl-singled-out");
    }

    private RequestId requested(Set<RecordCategory> categories) {
        TestAccounts.as(doctor, () -> doctorConsent.requestAccess(patient.ledgerAddress(), Purpose.TREATMENT, categories,
                Duration.ofDays(7), null));
        return eventually(() -> asPatient(consents::myRequests), r -> !r.isEmpty()).get(0).requestId();
    }

    private void grant(Set<RecordCategory> categories) {
        RequestId requestId = requested(categories);
        asPatient(() -> consents.grant(requestId, categories, Duration.ofDays(7)));
        eventually(() -> asPatient(consents::myGrants), g -> !g.isEmpty() && g.get(0).active());
    }

    private <T> T asPatient(Supplier<T> action) {
        return TestAccounts.as(patient, action);
    }

    /** Polls until the ledger has caught up, failing after a deadline. */
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

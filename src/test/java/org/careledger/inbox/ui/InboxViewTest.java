package org.careledger.inbox.ui;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import org.careledger.Await;
import org.careledger.contracts.Purpose;
import org.careledger.contracts.RecordCategory;
import org.careledger.identity.AccountAdministration;
import org.careledger.identity.DemoAccounts;
import org.careledger.identity.Role;
import org.careledger.identity.TestAccounts;
import org.careledger.identity.UserProfile;
import org.careledger.inbox.Inbox;
import org.careledger.inbox.InboxMessage;
import org.careledger.records.DoctorConsent;
import org.careledger.records.PatientConsent;
import org.careledger.ui.KaribuTest;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static com.github.mvysny.kaributesting.v10.GridKt._fetch;
import static com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

class InboxViewTest extends KaribuTest {

    @Test
    void anEmptyInboxSaysWhatWouldArriveThereAndOffersNothingToMarkRead() {
        UserProfile pharmacist = accounts().active(Role.PHARMACIST);
        ctx.getBean(JdbcTemplate.class).update("DELETE FROM notifications WHERE recipient_id = ?", pharmacist.id().value());
        InboxView view = open(pharmacist);

        assertThat(_size(view.grid)).isZero();
        assertThat(view.grid.getEmptyStateText())
                .isEqualTo("Your inbox is empty: nothing has been sent to you yet. Messages about your account will appear here.");
        assertThat(view.allRead.isEnabled()).isFalse();
        assertThat(view.summary.isVisible()).isFalse();
    }

    @Test
    void markAllAsReadIsOfferedOnlyWhileSomethingIsUnreadAndFollowsNewMessages() {
        UserProfile pharmacist = accounts().active(Role.PHARMACIST);
        InboxView view = open(pharmacist);
        assertThat(row(view, "Welcome to CareLedger")).contains("New");
        assertThat(buttons(view, message(view, "Welcome to CareLedger"))).containsExactly("Mark read");
        assertThat(view.allRead.isEnabled()).isTrue();
        assertThat(view.summary.getText()).isEqualTo("1 unread message.");

        _click(view.allRead);

        assertThat(view.allRead.isEnabled()).isFalse();
        assertThat(view.summary.getText()).isEqualTo("Nothing unread.");
        assertThat(row(view, "Welcome to CareLedger")).contains("Read");

        ctx.getBean(TransactionTemplate.class).executeWithoutResult(tx ->
                ctx.getBean(Inbox.class).send(pharmacist.id(), "Stock reminder", "Arrived while the inbox was open", null));
        MockVaadin.clientRoundtrip();

        assertThat(view.allRead.isEnabled()).isTrue();
        assertThat(view.summary.getText()).isEqualTo("1 unread message.");
        assertThat(row(view, "Stock reminder")).contains("New");
    }

    @Test
    void aRegistrationAnotherAdminApprovedShowsAsHandledByThemAndNoLongerUnread() {
        AccountAdministration administration = ctx.getBean(AccountAdministration.class);
        UserProfile secondAdmin = accounts().asAdmin(() -> administration.changeRole(accounts().active(Role.DOCTOR).id(), Role.ADMIN));
        UserProfile applicant = accounts().pending(Role.PATIENT);
        InboxView view = open(secondAdmin);
        assertThat(row(view, applicant.fullName() + " registered")).contains("New");
        long unread = unread(view);

        // another admin, in a session of their own (this UI's session would make it the second admin's approval)
        java.util.concurrent.CompletableFuture.runAsync(() -> accounts().asAdmin(() -> administration.approve(applicant.id()))).join();
        MockVaadin.clientRoundtrip();

        List<String> row = row(view, applicant.fullName() + " registered");
        assertThat(String.join(" ", row)).contains("Approved by " + DemoAccounts.ADMIN.fullName() + " on ").doesNotContain("New");
        assertThat(unread(view)).isEqualTo(unread - 1);
        assertThat(buttons(view, message(view, applicant.fullName() + " registered"))).containsExactly("Open");
    }

    @Test
    void anAccessRequestThePatientGrantedSaysSoAndOpenLeadsToTheRequest() {
        UserProfile doctor = accounts().active(Role.DOCTOR);
        UserProfile patient = accounts().active(Role.PATIENT);
        TestAccounts.as(doctor, () -> ctx.getBean(DoctorConsent.class).requestAccess(patient.ledgerAddress(), Purpose.TREATMENT,
                Set.of(RecordCategory.ALLERGY), Duration.ofDays(3), null));
        Await.until("the request is on the ledger", () -> !TestAccounts.as(patient, () -> ctx.getBean(PatientConsent.class).myRequests()).isEmpty());
        InboxView view = open(patient);
        String title = "Access request from " + doctor.fullName();
        assertThat(row(view, title)).contains("New");

        TestAccounts.as(patient, () -> ctx.getBean(PatientConsent.class).grant(
                ctx.getBean(PatientConsent.class).myRequests().get(0).requestId(), Set.of(RecordCategory.ALLERGY), Duration.ofDays(3)));
        MockVaadin.clientRoundtrip();

        assertThat(String.join(" ", row(view, title))).contains("You granted this request on ").doesNotContain("New");
        assertThat(buttons(view, message(view, title))).containsExactly("Open");
        _click(button(view, message(view, title), "Open"));
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPathWithQueryParameters())
                .isEqualTo("patient/consents?doctor=" + doctor.ledgerAddress());
    }

    @Test
    void markingOneMessageReadLeavesTheOthersAndThePageAgreesWithTheInbox() {
        UserProfile pharmacist = accounts().active(Role.PHARMACIST);
        ctx.getBean(TransactionTemplate.class).executeWithoutResult(tx -> {
            ctx.getBean(Inbox.class).send(pharmacist.id(), "Stock reminder", "Order amoxicillin before Friday", null);
            ctx.getBean(Inbox.class).send(pharmacist.id(), "Rota change", "You are on the late shift on Monday", null);
        });
        InboxView view = open(pharmacist);
        assertThePageAgreesWithTheInbox(view, pharmacist);
        assertThat(view.summary.getText()).isEqualTo("3 unread messages.");

        _click(button(view, message(view, "Stock reminder"), "Mark read"));

        assertThat(row(view, "Stock reminder")).contains("Read");
        assertThat(row(view, "Rota change")).contains("New");
        assertThat(buttons(view, message(view, "Stock reminder"))).doesNotContain("Mark read");
        assertThat(view.summary.getText()).isEqualTo("2 unread messages.");
        assertThePageAgreesWithTheInbox(view, pharmacist);
    }

    /** The rows and the unread count, as the inbox service gives them to the same user. */
    private void assertThePageAgreesWithTheInbox(InboxView view, UserProfile user) {
        Inbox inbox = ctx.getBean(Inbox.class);
        List<InboxMessage> mine = TestAccounts.as(user, inbox::mine);
        assertThat(_fetch(view.grid, 0, _size(view.grid))).extracting(InboxMessage::id)
                .containsExactlyElementsOf(mine.stream().map(InboxMessage::id).toList());
        assertThat(unread(view)).isEqualTo(TestAccounts.as(user, inbox::myUnreadCount));
    }

    private InboxView open(UserProfile user) {
        login(user.username(), user.role());
        UI.getCurrent().navigate("inbox");
        return _get(InboxView.class);
    }

    /** The captions of a row's buttons, as its actions cell renders them. */
    private static List<String> buttons(InboxView view, InboxMessage m) {
        return actions(view, m).getChildren().map(c -> ((Button) c).getText()).toList();
    }

    private static Button button(InboxView view, InboxMessage m, String caption) {
        return actions(view, m).getChildren().map(Button.class::cast).filter(b -> b.getText().equals(caption)).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static HorizontalLayout actions(InboxView view, InboxMessage m) {
        List<Grid.Column<InboxMessage>> columns = view.grid.getColumns();
        return ((ComponentRenderer<HorizontalLayout, InboxMessage>) columns.get(columns.size() - 1).getRenderer()).createComponent(m);
    }

    private long unread(InboxView view) {
        String text = view.summary.getText();
        return text.startsWith("Nothing") ? 0 : Long.parseLong(text.substring(0, text.indexOf(' ')));
    }

    private static InboxMessage message(InboxView view, String containing) {
        return _fetch(view.grid, 0, _size(view.grid)).stream()
                .filter(m -> (m.title() + " " + m.body()).contains(containing)).findFirst().orElseThrow();
    }

    /** The row as the grid shows it: message, status, received. */
    private static List<String> row(InboxView view, String containing) {
        return _getFormattedRow(view.grid, message(view, containing));
    }
}

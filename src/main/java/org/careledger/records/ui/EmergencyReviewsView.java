package org.careledger.records.ui;

import jakarta.annotation.security.RolesAllowed;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import org.careledger.common.ui.BrowserTime;
import org.careledger.common.ui.FieldErrors;
import org.careledger.common.ui.ResponsiveGrid;
import org.careledger.common.ui.ServiceCalls;
import org.careledger.identity.AppRoles;
import org.careledger.records.EmergencyView;
import org.careledger.records.RecordsAdministration;

/** The admins' queue of break-glass accesses to review: justified, or not justified with a comment. */
@Route("admin/emergencies")
@PageTitle("Emergency reviews · CareLedger")
@Menu(order = 4, title = "Emergency reviews", icon = "vaadin:ambulance")
@RolesAllowed(AppRoles.ADMIN)
class EmergencyReviewsView extends VerticalLayout {

    private final RecordsAdministration consents;
    final ResponsiveGrid<EmergencyView> queue = new ResponsiveGrid<>();

    EmergencyReviewsView(RecordsAdministration consents) {
        this.consents = consents;
        setId("emergency-reviews");
        queue.setId("emergency-review-grid");
        queue.text("Doctor", e -> RecordsUi.who(e.doctor()));
        queue.text("Patient", e -> e.patient().nameOrAddress());
        queue.text("Opened", e -> BrowserTime.format(e.start()));
        queue.text("Until", e -> BrowserTime.format(e.end()));
        queue.text("Reason", EmergencyView::reason);
        queue.actions("Review", this::decisionButtons);
        queue.setEmptyStateText("No emergency accesses are waiting for review. When a doctor opens a patient's record "
                + "without consent (break-glass), the access appears here for you to mark justified or not.");
        queue.setAllRowsVisible(true);
        add(new H2("Emergency accesses to review"),
                new Paragraph("Every break-glass access is on the ledger; your review is recorded there too, and the patient reads it."),
                queue);
        refresh();
    }

    private HorizontalLayout decisionButtons(EmergencyView e) {
        Button justified = new Button("Justified", click -> review(e, true));
        justified.setId("justified-button-" + e.emergencyId());
        justified.addThemeVariants(ButtonVariant.LUMO_SUCCESS, ButtonVariant.LUMO_SMALL);
        Button notJustified = new Button("Not justified", click -> review(e, false));
        notJustified.setId("not-justified-button-" + e.emergencyId());
        notJustified.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
        return new HorizontalLayout(justified, notJustified);
    }

    private void review(EmergencyView e, boolean justified) {
        new CommentDialog("review", justified ? "Justified emergency access" : "Not a justified emergency access",
                justified ? "Comment (optional)" : "Why was it not justified?", "comment", justified ? "Mark justified" : "Mark not justified",
                comment -> consents.reviewEmergency(e.emergencyId(), justified, comment), () -> {
                    FieldErrors.Notifications.success("Your review is on its way to the ledger");
                    refresh();
                }).open();
    }

    private void refresh() {
        ServiceCalls.attempt(() -> queue.setItems(consents.pendingEmergencyReviews()), null);
    }
}

package org.careledger.records.ui;

import jakarta.annotation.security.RolesAllowed;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import org.careledger.common.ui.BrowserTime;
import org.careledger.common.ui.FieldErrors;
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
    final Grid<EmergencyView> queue = new Grid<>(EmergencyView.class, false);

    EmergencyReviewsView(RecordsAdministration consents) {
        this.consents = consents;
        setId("emergency-reviews");
        queue.setId("emergency-review-grid");
        queue.addColumn(e -> RecordsUi.who(e.doctor())).setHeader("Doctor").setAutoWidth(true);
        queue.addColumn(e -> e.patient().nameOrAddress()).setHeader("Patient").setAutoWidth(true);
        queue.addColumn(e -> BrowserTime.format(e.start())).setHeader("Opened").setAutoWidth(true);
        queue.addColumn(e -> BrowserTime.format(e.end())).setHeader("Until").setAutoWidth(true);
        queue.addColumn(EmergencyView::reason).setHeader("Reason").setFlexGrow(1);
        queue.addComponentColumn(this::decisionButtons).setHeader("Review").setAutoWidth(true);
        queue.setAllRowsVisible(true);
        add(new H2("Emergency accesses to review"), queue);
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
        RecordsUi.attempt(() -> queue.setItems(consents.pendingEmergencyReviews()), null);
    }
}

package org.careledger.records.ui;

import jakarta.annotation.security.RolesAllowed;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import org.careledger.common.ui.BrowserTime;
import org.careledger.common.ui.FieldErrors;
import org.careledger.common.ui.ResponsiveGrid;
import org.careledger.common.ui.ServiceCalls;
import org.careledger.identity.AppRoles;
import org.careledger.records.ErasureRequestView;
import org.careledger.records.RecordsAdministration;

/** Patients' requests to erase an entry: confirm (key, salt and content are deleted) or decline with a comment. */
@Route("admin/erasures")
@PageTitle("Erasure requests · CareLedger")
@Menu(order = 5, title = "Erasure requests", icon = "vaadin:eraser")
@RolesAllowed(AppRoles.ADMIN)
class ErasureRequestsView extends VerticalLayout implements BeforeEnterObserver {

    private final RecordsAdministration records;
    final ResponsiveGrid<ErasureRequestView> queue = new ResponsiveGrid<>();

    ErasureRequestsView(RecordsAdministration records) {
        this.records = records;
        setId("erasure-requests");
        queue.setId("erasure-grid");
        queue.text("Patient", e -> e.patient().nameOrAddress());
        queue.text("Entry", e -> RecordsUi.category(e.category()));
        queue.text("Written", e -> BrowserTime.format(e.createdAt()));
        queue.text("Asked", e -> BrowserTime.format(e.requestedAt()));
        queue.text("Reason", e -> e.reason() == null ? "" : e.reason());
        queue.actions("Decision", this::decisionButtons);
        queue.setEmptyStateText("No erasure requests are waiting. When a patient asks for an entry of their record to be erased, "
                + "the request appears here for you to erase the entry or keep it.");
        queue.setAllRowsVisible(true);
        add(new H2("Erasure requests"),
                new Paragraph("Erasing deletes the entry's key, salt and content for good; its fingerprint stays on the ledger."), queue);
        refresh();
    }

    private HorizontalLayout decisionButtons(ErasureRequestView e) {
        Button confirm = new Button("Erase", click -> {
            ConfirmDialog dialog = new ConfirmDialog("Erase this entry?",
                    "The " + RecordsUi.category(e.category()) + " entry of " + e.patient().name() + " cannot be recovered afterwards.",
                    "Erase", confirmed -> {
                        if (ServiceCalls.attempt(() -> records.confirmErasure(e.entryId()), null)) {
                            FieldErrors.Notifications.success("The entry was erased");
                        }
                        refresh();
                    });
            dialog.setConfirmButtonTheme("error primary");
            dialog.setCancelable(true);
            dialog.open();
        });
        confirm.setId("confirm-erasure-button-" + e.entryId());
        confirm.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
        Button decline = new Button("Decline", click -> new CommentDialog("decline-erasure", "Keep the entry",
                "Tell the patient why the entry is kept", "comment", "Decline", comment -> records.declineErasure(e.entryId(), comment),
                this::refresh).open());
        decline.setId("decline-erasure-button-" + e.entryId());
        decline.addThemeVariants(ButtonVariant.LUMO_SMALL);
        return new HorizontalLayout(confirm, decline);
    }

    /** Opened from a notification ({@code ?entry=ID}): that request's row is selected. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        RecordsUi.parameter(event, "entry").ifPresent(id -> ServiceCalls.attempt(() -> records.pendingErasures().stream()
                .filter(e -> e.entryId().value().equals(id)).findFirst().ifPresent(queue::select), null));
    }

    private void refresh() {
        ServiceCalls.attempt(() -> queue.setItems(records.pendingErasures()), null);
    }
}

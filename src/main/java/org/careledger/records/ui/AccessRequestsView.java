package org.careledger.records.ui;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import org.careledger.common.ui.BrowserTime;
import org.careledger.common.ui.FieldErrors;
import org.careledger.contracts.RequestStatus;
import org.careledger.identity.AppRoles;
import org.careledger.outbox.LedgerReceipt;
import org.careledger.records.AccessRequestView;
import org.careledger.records.GrantView;
import org.careledger.records.PatientConsent;
import org.careledger.records.RecordLabels;

/**
 * A patient's access requests and grants: who asks, why, for what and how long; approve (narrower
 * if they like) or deny; revoke a grant. Each decision is a transaction signed with the patient's
 * key, and its ledger status is shown and followed until it is in a block.
 */
@Route("patient/consents")
@PageTitle("Access requests · CareLedger")
@Menu(order = 3, title = "Access requests", icon = "vaadin:key")
@RolesAllowed(AppRoles.PATIENT)
class AccessRequestsView extends VerticalLayout {

    private final PatientConsent consents;
    final VerticalLayout pending = new VerticalLayout();
    final Grid<AccessRequestView> decided = new Grid<>(AccessRequestView.class, false);
    final Grid<GrantView> grants = new Grid<>(GrantView.class, false);
    private final LedgerPolling polling;

    AccessRequestsView(PatientConsent consents) {
        this.consents = consents;
        this.polling = new LedgerPolling(this, this::refresh);
        setId("access-requests");
        pending.setId("pending-requests");
        pending.setPadding(false);
        add(new H2("Access requests"), pending, new H3("Your grants"), createGrantsGrid(), new H3("Earlier requests"), createDecidedGrid());
        refresh();
    }

    private Grid<GrantView> createGrantsGrid() {
        grants.setId("grants-grid");
        grants.addColumn(g -> RecordsUi.who(g.doctor())).setHeader("Doctor").setAutoWidth(true);
        grants.addColumn(g -> RecordLabels.purpose(g.purpose())).setHeader("Purpose").setAutoWidth(true);
        grants.addColumn(g -> RecordsUi.categories(g.categories())).setHeader("Records").setAutoWidth(true);
        grants.addColumn(g -> BrowserTime.format(g.end())).setHeader("Ends").setAutoWidth(true);
        grants.addColumn(AccessRequestsView::grantStatus).setHeader("Status").setAutoWidth(true);
        grants.addComponentColumn(this::revokeButton).setHeader("").setAutoWidth(true);
        grants.setAllRowsVisible(true);
        return grants;
    }

    private Grid<AccessRequestView> createDecidedGrid() {
        decided.setId("decided-requests-grid");
        decided.addColumn(r -> RecordsUi.who(r.doctor())).setHeader("Doctor").setAutoWidth(true);
        decided.addColumn(r -> RecordLabels.purpose(r.purpose())).setHeader("Purpose").setAutoWidth(true);
        decided.addColumn(r -> RecordsUi.categories(r.categories())).setHeader("Records").setAutoWidth(true);
        decided.addColumn(r -> BrowserTime.format(r.requestedAt())).setHeader("Asked").setAutoWidth(true);
        decided.addColumn(r -> r.status().name().toLowerCase()).setHeader("Decision").setAutoWidth(true);
        decided.addColumn(r -> r.decision() == null ? "" : r.decision().describe()).setHeader("Ledger").setAutoWidth(true);
        decided.addComponentColumn(r -> r.decision() != null && r.decision().status() == LedgerReceipt.Status.COMMITTED
                ? ProofLinks.of(r.decision().txId().hex(), () -> consents.proofOf(r.decision().txId()))
                : new com.vaadin.flow.component.html.Span()).setHeader("Proof").setAutoWidth(true);
        decided.setAllRowsVisible(true);
        return decided;
    }

    private static String grantStatus(GrantView g) {
        if (g.revocation() != null && g.revocation().status() != LedgerReceipt.Status.REFUSED) {
            return "Revoked (" + RecordsUi.ledgerStatus(g.revocation()) + ")";
        }
        return g.active() ? "Active" : "Ended";
    }

    private Span revokeButton(GrantView g) {
        Span cell = new Span();
        if (g.active()) {
            Button revoke = new Button("Revoke", click -> {
                if (RecordsUi.attempt(() -> consents.revoke(g.grantId()), null)) {
                    FieldErrors.Notifications.success("Revoked: " + g.doctor().describe() + " can no longer read your record");
                }
                refresh();
            });
            revoke.setId("revoke-grant-button-" + g.grantId());
            revoke.addClassName("revoke-grant-button");
            revoke.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
            cell.add(revoke);
        }
        return cell;
    }

    private Div createRequestCard(AccessRequestView r) {
        Div card = new Div();
        card.addClassNames("cl-card", "access-request");
        card.setId("request-" + r.requestId());
        card.add(new H4(r.doctor().nameOrAddress()),
                new Paragraph(RecordsUi.who(r.doctor())),
                new Paragraph("Purpose: " + RecordLabels.purpose(r.purpose())),
                new Paragraph("Records: " + RecordsUi.categories(r.categories())),
                new Paragraph("For: " + RecordsUi.duration(r.duration()) + " · asked " + BrowserTime.format(r.requestedAt())));
        if (r.note() != null) {
            card.add(new Paragraph("Note: " + r.note()));
        }
        if (r.decision() != null && r.decision().status() != LedgerReceipt.Status.REFUSED) {
            Span status = new Span("Your decision is on its way — " + RecordsUi.ledgerStatus(r.decision()));
            status.addClassName("decision-receipt");
            card.add(status);
            return card;
        }
        Button approve = new Button("Approve", click -> new GrantDialog(consents, r, this::refresh).open());
        approve.setId("approve-request-button-" + r.requestId());
        approve.addClassName("approve-request-button");
        approve.addThemeVariants(ButtonVariant.LUMO_SUCCESS, ButtonVariant.LUMO_PRIMARY);
        Button deny = new Button("Deny", click -> new DenyDialog(consents, r, this::refresh).open());
        deny.setId("deny-request-button-" + r.requestId());
        deny.addClassName("deny-request-button");
        deny.addThemeVariants(ButtonVariant.LUMO_ERROR);
        card.add(new HorizontalLayout(approve, deny));
        return card;
    }

    void refresh() {
        List<AccessRequestView> requests;
        List<GrantView> mine;
        try {
            requests = consents.myRequests();
            mine = consents.myGrants();
        } catch (RuntimeException e) {
            RecordsUi.report(e);
            polling.pendingIf(false);
            return;
        }
        pending.removeAll();
        List<AccessRequestView> open = requests.stream().filter(r -> r.status() == RequestStatus.PENDING).toList();
        if (open.isEmpty()) {
            pending.add(new Paragraph("No requests are waiting for your decision."));
        }
        open.forEach(r -> pending.add(createRequestCard(r)));
        decided.setItems(requests.stream().filter(r -> r.status() != RequestStatus.PENDING).toList());
        grants.setItems(mine);
        boolean inFlight = requests.stream().anyMatch(r -> RecordsUi.inFlight(r.decision()))
                || mine.stream().anyMatch(g -> RecordsUi.inFlight(g.revocation()));
        polling.pendingIf(inFlight);
    }
}

package org.careledger.records.ui;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import org.careledger.common.ui.BrowserTime;
import org.careledger.common.ui.FieldErrors;
import org.careledger.common.ui.LedgerPolling;
import org.careledger.common.ui.ResponsiveGrid;
import org.careledger.common.ui.ServiceCalls;
import org.careledger.contracts.RequestStatus;
import org.careledger.identity.AppRoles;
import org.careledger.outbox.LedgerReceipt;
import org.careledger.records.AccessRequestView;
import org.careledger.records.GrantView;
import org.careledger.records.PatientConsent;
import org.careledger.records.RecordLabels;
import org.careledger.records.RequestId;

/**
 * A patient's access requests and grants: who asks, why, for what and how long; approve (narrower
 * if they like) or deny; revoke a grant. Each decision is a transaction signed with the patient's
 * key, and its ledger status is shown and followed until it is in a block.
 */
@Route("patient/consents")
@PageTitle("Access requests · CareLedger")
@Menu(order = 3, title = "Access requests", icon = "vaadin:key")
@RolesAllowed(AppRoles.PATIENT)
class AccessRequestsView extends VerticalLayout implements BeforeEnterObserver {

    private final PatientConsent consents;
    final VerticalLayout pending = new VerticalLayout();
    final ResponsiveGrid<AccessRequestView> decided = new ResponsiveGrid<>();
    final ResponsiveGrid<GrantView> grants = new ResponsiveGrid<>();
    private final LedgerPolling polling;
    /** Requests decided on this page: their cards stay, with the decision's ledger status, until the page is left. */
    private final Set<RequestId> decidedHere = new HashSet<>();
    /** The doctor a notification's "Open" named ({@code ?doctor=ADDRESS}): their waiting request is singled out. */
    private String namedDoctor;

    AccessRequestsView(PatientConsent consents) {
        this.consents = consents;
        this.polling = new LedgerPolling(this, this::refresh);
        setId("access-requests");
        pending.setId("pending-requests");
        pending.setPadding(false);
        add(new H2("Access requests"), pending, new H3("Your grants"), createGrantsGrid(), new H3("Earlier requests"), createDecidedGrid());
        refresh();
    }

    private ResponsiveGrid<GrantView> createGrantsGrid() {
        grants.setId("grants-grid");
        grants.text("Doctor", g -> RecordsUi.who(g.doctor()));
        grants.text("Purpose", g -> RecordLabels.purpose(g.purpose()));
        grants.text("Records", g -> RecordsUi.categories(g.categories()));
        grants.text("Ends", g -> BrowserTime.format(g.end()));
        grants.text("Status", AccessRequestsView::grantStatus);
        grants.actions("", this::revokeButton).setKey("revoke");
        grants.setEmptyStateText("You have not given any doctor access. When you approve a doctor's request, "
                + "the grant appears here with its end time, and you can revoke it at any moment.");
        grants.setAllRowsVisible(true);
        return grants;
    }

    private ResponsiveGrid<AccessRequestView> createDecidedGrid() {
        decided.setId("decided-requests-grid");
        decided.text("Doctor", r -> RecordsUi.who(r.doctor()));
        decided.text("Purpose", r -> RecordLabels.purpose(r.purpose()));
        decided.text("Records", r -> RecordsUi.categories(r.categories()));
        decided.text("Asked", r -> BrowserTime.format(r.requestedAt()));
        decided.text("Decision", AccessRequestsView::decision);
        decided.actions("Proof", r -> r.decision() != null && r.decision().status() == LedgerReceipt.Status.COMMITTED
                ? ProofLinks.of(r.decision().txId().hex(), () -> consents.proofOf(r.decision().txId())) : new Span());
        decided.setEmptyStateText("No earlier requests. Requests you approved or denied, and those that ran out "
                + "unanswered, are listed here with where your decision stands on the ledger.");
        decided.setAllRowsVisible(true);
        return decided;
    }

    /** "Granted · Ledger: committed in block 12". */
    static String decision(AccessRequestView r) {
        String what = switch (r.status()) {
            case PENDING -> "Waiting for your decision";
            case GRANTED -> "Granted";
            case DENIED -> "Denied";
            case REVOKED -> "Granted, later revoked";
            case EXPIRED -> "Not answered in time";
        };
        return r.decision() == null ? what : what + " · " + RecordsUi.ledgerStatus(r.decision());
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
                if (ServiceCalls.attempt(() -> consents.revoke(g.grantId()), null)) {
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
        if (namedDoctor != null && r.doctor().address() != null && namedDoctor.equalsIgnoreCase(r.doctor().address().toString())) {
            RecordsUi.singleOut(card);
        }
        card.add(new H4(r.doctor().nameOrAddress()));
        String affiliation = RecordsUi.affiliation(r.doctor());
        if (!affiliation.isEmpty()) {
            card.add(new Paragraph(affiliation));
        }
        card.add(new Paragraph("Purpose: " + RecordLabels.purpose(r.purpose())),
                new Paragraph("Records: " + RecordsUi.categories(r.categories())),
                new Paragraph("For: " + RecordsUi.duration(r.duration()) + " · asked " + BrowserTime.format(r.requestedAt())));
        if (r.note() != null) {
            card.add(new Paragraph("Note: " + r.note()));
        }
        if (r.decision() != null && r.decision().status() != LedgerReceipt.Status.REFUSED) {
            Span status = new Span(r.status() == RequestStatus.PENDING
                    ? "Your decision is on its way — " + RecordsUi.ledgerStatus(r.decision())
                    : decision(r));
            status.addClassName("decision-receipt");
            card.add(status);
            return card;
        }
        if (r.decision() != null) {
            Span refused = new Span("Your decision did not reach the ledger (" + r.decision().describe() + "); decide again.");
            refused.addClassName("decision-receipt");
            card.add(refused);
        }
        Button approve = new Button("Approve", click -> new GrantDialog(consents, r, () -> decidedHere(r)).open());
        approve.setId("approve-request-button-" + r.requestId());
        approve.addClassName("approve-request-button");
        approve.addThemeVariants(ButtonVariant.LUMO_SUCCESS, ButtonVariant.LUMO_PRIMARY);
        Button deny = new Button("Deny", click -> new DenyDialog(consents, r, () -> decidedHere(r)).open());
        deny.setId("deny-request-button-" + r.requestId());
        deny.addClassName("deny-request-button");
        deny.addThemeVariants(ButtonVariant.LUMO_ERROR);
        card.add(new HorizontalLayout(approve, deny));
        return card;
    }

    private void decidedHere(AccessRequestView r) {
        decidedHere.add(r.requestId());
        refresh();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        namedDoctor = RecordsUi.parameter(event, "doctor").orElse(null);
        if (namedDoctor != null) {
            refresh();
        }
    }

    void refresh() {
        List<AccessRequestView> requests;
        List<GrantView> mine;
        try {
            requests = consents.myRequests();
            mine = consents.myGrants();
        } catch (RuntimeException e) {
            ServiceCalls.report(e);
            polling.pendingIf(false);
            return;
        }
        pending.removeAll();
        List<AccessRequestView> open = requests.stream().filter(r -> r.status() == RequestStatus.PENDING).toList();
        if (open.isEmpty()) {
            Paragraph none = new Paragraph("No requests are waiting for your decision. When a doctor asks to see your record, "
                    + "the request appears here for you to approve or deny.");
            none.setId("no-pending-requests");
            pending.add(none);
        }
        requests.stream().filter(r -> r.status() == RequestStatus.PENDING || decidedHere.contains(r.requestId()))
                .forEach(r -> pending.add(createRequestCard(r)));
        decided.setItems(requests.stream().filter(r -> r.status() != RequestStatus.PENDING).toList());
        grants.setItems(mine);
        boolean inFlight = requests.stream().anyMatch(r -> RecordsUi.inFlight(r.decision()))
                || mine.stream().anyMatch(g -> RecordsUi.inFlight(g.revocation()));
        polling.pendingIf(inFlight);
    }
}

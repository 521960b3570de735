package org.careledger.explorer.ui;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import org.careledger.common.ui.FieldErrors;
import org.careledger.common.ui.ServiceCalls;
import org.careledger.explorer.ConsortiumChanges;
import org.careledger.explorer.ConsortiumConsole;
import org.careledger.explorer.ConsortiumNode;
import org.careledger.explorer.IntegrityAudit;
import org.careledger.identity.AppRoles;

/**
 * The admins' consortium console: a card per node, kept up to date by server push (at each block, each
 * pause and every few seconds while open), with Pause and Resume; whether the nodes agree on the tip;
 * and the integrity audit.
 */
@Route("admin/consortium")
@PageTitle("Consortium · CareLedger")
@Menu(order = 8, title = "Consortium", icon = "vaadin:cluster")
@RolesAllowed(AppRoles.ADMIN)
class ConsortiumView extends VerticalLayout {

    private final ConsortiumConsole console;
    private final ConsortiumChanges changes;
    private final IntegrityAudit audit;
    final Paragraph agreement = new Paragraph();
    final Div cards = new Div();
    final Map<String, NodeCard> cardsByNode = new LinkedHashMap<>();
    final AuditPanel auditPanel;
    private Runnable unsubscribe = () -> { };

    ConsortiumView(ConsortiumConsole console, ConsortiumChanges changes, IntegrityAudit audit) {
        this.console = console;
        this.changes = changes;
        this.audit = audit;
        setId("consortium-view");
        agreement.setId("consortium-agreement");
        cards.setId("node-cards");
        cards.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-m)").set("width", "100%");
        auditPanel = new AuditPanel(audit);
        add(new H2("Consortium"), agreement, cards, auditPanel);
        refresh();
    }

    void refresh() {
        List<ConsortiumNode> nodes;
        try {
            nodes = console.nodes();
        } catch (RuntimeException e) {
            ServiceCalls.report(e);
            return;
        }
        for (ConsortiumNode n : nodes) {
            cardsByNode.computeIfAbsent(n.name(), name -> {
                NodeCard card = new NodeCard(name, this::pause, this::resume);
                cards.add(card);
                return card;
            }).show(n);
        }
        agreement.setText(agreement(nodes));
    }

    static String agreement(List<ConsortiumNode> nodes) {
        long sealing = nodes.stream().filter(ConsortiumNode::sealing).count();
        String sealers = sealing + " of " + nodes.size() + " nodes sealing.";
        List<ConsortiumNode> forked = nodes.stream().filter(n -> n.tipAgreement() == ConsortiumNode.TipAgreement.FORKED).toList();
        if (!forked.isEmpty()) {
            return "Fork at height " + forked.get(0).height() + ": " + String.join(", ", forked.stream().map(n -> n.name() + " on "
                    + n.tip().shortHex()).toList()) + ". The next block normally settles it. " + sealers;
        }
        List<ConsortiumNode> behind = nodes.stream().filter(n -> n.tipAgreement() == ConsortiumNode.TipAgreement.BEHIND).toList();
        ConsortiumNode top = nodes.stream().filter(n -> n.tipAgreement() == ConsortiumNode.TipAgreement.AGREES).findFirst().orElse(null);
        String head = top == null ? "" : behind.isEmpty()
                ? "All " + nodes.size() + " nodes agree on block " + top.height() + " (" + top.tip().shortHex() + "). "
                : "The nodes at block " + top.height() + " agree on " + top.tip().shortHex() + "; "
                + String.join(", ", behind.stream().map(n -> n.name() + " is " + NodeCard.agreement(n)).toList()) + ". ";
        return head + sealers;
    }

    private void pause(String node) {
        if (ServiceCalls.attempt(() -> console.pauseSealing(node), null)) {
            FieldErrors.Notifications.success("Node " + node + " no longer seals blocks; it still follows the chain.");
        }
        refresh();
    }

    private void resume(String node) {
        if (ServiceCalls.attempt(() -> console.resumeSealing(node), null)) {
            FieldErrors.Notifications.success("Node " + node + " seals blocks again.");
        }
        refresh();
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        UI ui = attachEvent.getUI();
        Runnable fromNodes = changes.subscribe(() -> ui.access(this::refresh));
        Runnable fromAudit = audit.subscribe(progress -> ui.access(() -> auditPanel.show(progress)));
        unsubscribe = () -> {
            fromNodes.run();
            fromAudit.run();
        };
        refresh();
        auditPanel.show(audit.progress());
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        unsubscribe.run();
        unsubscribe = () -> { };
        super.onDetach(detachEvent);
    }
}

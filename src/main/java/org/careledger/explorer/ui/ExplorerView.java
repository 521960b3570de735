package org.careledger.explorer.ui;

import java.util.Locale;

import jakarta.annotation.security.RolesAllowed;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import org.careledger.common.ui.ResponsiveGrid;
import org.careledger.common.ui.ServiceCalls;
import org.careledger.explorer.BlockRow;
import org.careledger.explorer.ChainExplorer;
import org.careledger.explorer.ExplorerBlocks;
import org.careledger.explorer.ExplorerOverview;
import org.careledger.explorer.ExplorerSearch;
import org.careledger.explorer.TxRow;
import org.careledger.identity.AppRoles;
import org.careledger.node.ChainSummary;

/**
 * The explorer's front page: the chain's counters, the latest blocks and transactions, updated by
 * server push as each block joins the chain (no polling), and the search box.
 */
@Route("explorer")
@PageTitle("Explorer · CareLedger")
@Menu(order = 95, title = "Explorer", icon = "vaadin:cubes")
@RolesAllowed({AppRoles.ADMIN, AppRoles.DOCTOR, AppRoles.PATIENT, AppRoles.PHARMACIST})
class ExplorerView extends VerticalLayout {

    final Span height = stat("chain-height");
    final Span transactions = stat("total-transactions");
    final Span pending = stat("pending-transactions");
    final Span blockTime = stat("average-block-time");
    final Span difficulty = stat("average-difficulty");
    final ResponsiveGrid<BlockRow> latestBlocks = ExplorerUi.blockGrid("latest-blocks");
    final ResponsiveGrid<TxRow> latestTransactions;
    private final ChainExplorer explorer;
    private final ExplorerBlocks blocks;
    private Runnable unsubscribe;

    ExplorerView(ChainExplorer explorer, ExplorerSearch search, ExplorerBlocks blocks) {
        this.explorer = explorer;
        this.blocks = blocks;
        setId("explorer");
        latestTransactions = ExplorerUi.txGrid("latest-transactions", "No transactions yet.");
        RouterLink allBlocks = new RouterLink("All blocks", BlocksView.class);
        allBlocks.setId("all-blocks");
        add(ExplorerUi.header(new H2("Explorer"), search), createStats(), new H3("Latest blocks"), latestBlocks, allBlocks,
                new H3("Latest transactions"), latestTransactions);
        refresh();
    }

    private FlexLayout createStats() {
        FlexLayout stats = new FlexLayout(card("Height", height), card("Transactions", transactions), card("Pending", pending),
                card("Average block time", blockTime), card("Average difficulty", difficulty));
        stats.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        stats.getStyle().set("gap", "var(--lumo-space-m)");
        return stats;
    }

    private static Div card(String title, Span value) {
        Span label = new Span(title);
        label.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        Div card = new Div(label, new Div(value));
        card.getStyle().set("padding", "var(--lumo-space-s) var(--lumo-space-m)").set("border-radius", "var(--lumo-border-radius-m)")
                .set("background", "var(--lumo-contrast-5pct)").set("min-width", "8rem");
        return card;
    }

    private static Span stat(String id) {
        Span span = new Span();
        span.setId(id);
        span.getStyle().set("font-size", "var(--lumo-font-size-xl)");
        return span;
    }

    void refresh() {
        ServiceCalls.attempt(() -> {
            ExplorerOverview o = explorer.overview();
            ChainSummary c = o.chain();
            height.setText(String.valueOf(c.height()));
            transactions.setText(String.format(Locale.ROOT, "%,d", c.transactions()));
            pending.setText(String.valueOf(c.pendingTransactions()));
            blockTime.setText(ExplorerUi.duration(c.averageBlockTime()) + " (target " + ExplorerUi.duration(c.targetBlockTime()) + ")");
            difficulty.setText(String.format(Locale.ROOT, "%,.0f", c.averageDifficulty()));
            latestBlocks.setItems(o.latestBlocks());
            latestTransactions.setItems(o.latestTransactions());
            if (o.onlyYours()) {
                latestTransactions.setEmptyStateText("No transactions of your account yet. Patients see only their own account's "
                        + "transactions here.");
            }
        }, null);
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        UI ui = attachEvent.getUI();
        unsubscribe = blocks.subscribe(block -> ui.access(this::refresh));
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        if (unsubscribe != null) {
            unsubscribe.run();
            unsubscribe = null;
        }
        super.onDetach(detachEvent);
    }
}

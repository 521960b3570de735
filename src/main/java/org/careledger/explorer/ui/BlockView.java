package org.careledger.explorer.ui;

import java.util.List;
import java.util.Locale;

import jakarta.annotation.security.RolesAllowed;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import org.careledger.common.ui.ResponsiveGrid;
import org.careledger.common.ui.ServiceCalls;
import org.careledger.explorer.BlockDetails;
import org.careledger.explorer.ChainExplorer;
import org.careledger.explorer.ExplorerSearch;
import org.careledger.explorer.TxRow;
import org.careledger.identity.AppRoles;

/** One block: every header field, its sealer and mining time, its size and its transactions (a patient's own only, for a patient). */
@Route("explorer/block")
@PageTitle("Block · CareLedger")
@RolesAllowed({AppRoles.ADMIN, AppRoles.DOCTOR, AppRoles.PATIENT, AppRoles.PHARMACIST})
class BlockView extends VerticalLayout implements HasUrlParameter<String> {

    final H2 title = new H2("Block");
    final Span height = new Span();
    final Div fields = new Div();
    final Paragraph note = new Paragraph();
    final ResponsiveGrid<TxRow> transactions = ExplorerUi.txGrid("block-transactions", "This block holds no transactions.");
    private final ChainExplorer explorer;

    BlockView(ChainExplorer explorer, ExplorerSearch search) {
        this.explorer = explorer;
        setId("explorer-block");
        height.setId("block-height");
        fields.setId("block-fields");
        note.setId("block-note");
        add(ExplorerUi.header(title, search), fields, new H3("Transactions"), note, transactions);
    }

    @Override
    public void setParameter(BeforeEvent event, String heightOrHash) {
        clear();
        ServiceCalls.attempt(() -> show(explorer.block(heightOrHash)), null);
    }

    /** Vaadin keeps this view when a link leads from one block to another: nothing of the one before stays. */
    private void clear() {
        title.setText("Block");
        height.setText("");
        fields.removeAll();
        note.setText("");
        transactions.setItems(List.of());
    }

    private void show(BlockDetails b) {
        title.setText("Block " + b.height());
        height.setText(String.valueOf(b.height()));
        fields.removeAll();
        fields.add(ExplorerUi.field("Height", height), ExplorerUi.field("Hash", ExplorerUi.mono(b.hash().hex())));
        if (b.genesis()) {
            fields.add(ExplorerUi.field("Genesis commitment", ExplorerUi.mono(b.previousHash().hex())));
        } else {
            fields.add(ExplorerUi.field("Previous hash", ExplorerUi.blockLink(b.previousHash(), b.previousHash().hex())));
        }
        fields.add(ExplorerUi.field("Merkle root", ExplorerUi.mono(b.merkleRoot().hex())),
                ExplorerUi.field("State root", ExplorerUi.mono(b.stateRoot().hex())),
                ExplorerUi.field("Time", new Span(ExplorerUi.time(b.time()))),
                ExplorerUi.field("Difficulty", new Span(String.format(Locale.ROOT, "%,d", b.difficulty()))),
                ExplorerUi.field("Nonce", new Span(Long.toUnsignedString(b.nonce()))),
                ExplorerUi.field("Sealer", b.sealer() == null ? new Span(b.sealerNode())
                        : new Span(new Span("node " + b.sealerNode() + " · "), ExplorerUi.addressLink(b.sealer()))),
                ExplorerUi.field("Mining time", new Span(b.genesis() ? "—" : ExplorerUi.duration(b.miningTime()) + " after its parent")),
                ExplorerUi.field("Size", new Span(String.format(Locale.ROOT, "%,d bytes", b.sizeBytes()))),
                ExplorerUi.field("Transactions", new Span(String.valueOf(b.transactionCount()))));
        transactions.setItems(b.transactions());
        if (b.onlyYours()) {
            note.setText(b.transactions().size() + " of its " + b.transactionCount() + " transactions concern your account; patients "
                    + "see only their own.");
        } else if (b.transactions().size() < b.transactionCount()) {
            note.setText("The first " + b.transactions().size() + " of " + b.transactionCount() + " transactions.");
        } else {
            note.setText("");
        }
    }
}

package org.careledger.explorer.ui;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import org.careledger.common.TokenAmount;
import org.careledger.common.ui.FieldErrors;
import org.careledger.common.ui.ServiceCalls;
import org.careledger.explorer.ChainExplorer;
import org.careledger.explorer.ExplorerSearch;
import org.careledger.explorer.TxDetails;
import org.careledger.explorer.TxStatus;
import org.careledger.identity.AppRoles;
import org.careledger.records.ProofDownload;

/**
 * One transaction: where it stands, its sender, nonce and fee, its decoded call, its effects and, once
 * in a block, its proof bundle as a JSON download and a QR code.
 */
@Route("explorer/tx")
@PageTitle("Transaction · CareLedger")
@RolesAllowed({AppRoles.ADMIN, AppRoles.DOCTOR, AppRoles.PATIENT, AppRoles.PHARMACIST})
class TransactionView extends VerticalLayout implements HasUrlParameter<String> {

    final H2 title = new H2("Transaction");
    final Span status = new Span();
    final Div fields = new Div();
    final Div call = new Div();
    final Div effects = new Div();
    final Div proof = new Div();
    private final ChainExplorer explorer;

    TransactionView(ChainExplorer explorer, ExplorerSearch search) {
        this.explorer = explorer;
        setId("explorer-tx");
        status.setId("tx-status");
        fields.setId("tx-fields");
        call.setId("tx-call");
        effects.setId("tx-effects");
        proof.setId("tx-proof");
        add(ExplorerUi.header(title, search), fields, new H3("Call"), call, new H3("Effects"), effects, proof);
    }

    @Override
    public void setParameter(BeforeEvent event, String id) {
        clear();
        ServiceCalls.attempt(() -> show(explorer.transaction(id)), null);
    }

    /**
     * Vaadin keeps this view when a link leads from one transaction to another: nothing of the one
     * before may stay when the next cannot be shown to this viewer.
     */
    private void clear() {
        title.setText("Transaction");
        status.setText("");
        fields.removeAll();
        call.removeAll();
        effects.removeAll();
        proof.removeAll();
    }

    private void show(TxDetails tx) {
        title.setText("Transaction " + tx.id().shortHex() + "…");
        status.setText(tx.where());
        fields.removeAll();
        fields.add(ExplorerUi.field("Id", ExplorerUi.mono(tx.id().hex())), ExplorerUi.field("Status", statusLine(tx)),
                ExplorerUi.field("From", ExplorerUi.addressLink(tx.sender())),
                ExplorerUi.field("Nonce", new Span(tx.nonce() == null ? "—" : String.valueOf(tx.nonce()))),
                ExplorerUi.field("Fee", new Span(TokenAmount.format(tx.fee()) + " tokens")));
        if (tx.blockTime() != null) {
            fields.add(ExplorerUi.field("Block time", new Span(ExplorerUi.time(tx.blockTime()))),
                    ExplorerUi.field("Place in block", new Span(String.valueOf(tx.index()))));
        }
        if (tx.status() == TxStatus.REFUSED) {
            fields.add(ExplorerUi.field("Refused by rule", ExplorerUi.mono(tx.refusalRule())),
                    ExplorerUi.field("Why", new Span(tx.refusalMessage())));
        }
        call.removeAll();
        call.add(ExplorerUi.field("Contract", ExplorerUi.mono(tx.contract())), ExplorerUi.field("Method", ExplorerUi.mono(tx.method())));
        int i = 0;
        for (TxDetails.Argument arg : tx.arguments()) {
            Component value = arg.address() != null ? ExplorerUi.addressLink(arg.address()) : ExplorerUi.mono(arg.value());
            call.add(ExplorerUi.field("Argument " + i++ + " (" + arg.type() + ")", value));
        }
        effects.removeAll();
        if (tx.effects().isEmpty()) {
            effects.add(new Paragraph(tx.status() == TxStatus.COMMITTED ? "Nothing besides its fee." : "None: it is not in a block."));
        }
        for (TxDetails.Effect e : tx.effects()) {
            effects.add(effect(e));
        }
        proof.removeAll();
        if (tx.status() == TxStatus.COMMITTED) {
            proof.add(new H3("Proof"), new Paragraph("A proof bundle shows, without the chain, that this transaction is in its block. "
                    + "Check it here on Verify a proof, or offline with: ledger proof verify FILE"), proofLinks(tx));
        }
    }

    private Component statusLine(TxDetails tx) {
        if (tx.status() != TxStatus.COMMITTED) {
            return status;
        }
        var link = ExplorerUi.blockLink(tx.height());
        link.setId("tx-block-link");
        return new Span(status, new Span(" · "), link);
    }

    private static Div effect(TxDetails.Effect e) {
        Div line = new Div();
        line.addClassName("tx-effect");
        if (e.isTokens()) {
            line.add(new Span(TokenAmount.format(e.amount()) + " tokens from "), ExplorerUi.addressLink(e.from()), new Span(" to "),
                    ExplorerUi.addressLink(e.to()));
        } else {
            line.add(new Span(e.change() + ": patient "), ExplorerUi.addressLink(e.patient()));
            if (e.doctor() != null) {
                line.add(new Span(", doctor "), ExplorerUi.addressLink(e.doctor()));
            }
            line.add(new Span(" · id "), ExplorerUi.mono(e.subject().hex()), new Span(" · " + e.detail()));
        }
        return line;
    }

    private Component proofLinks(TxDetails tx) {
        String suffix = tx.id().shortHex();
        Anchor download = new Anchor(DownloadHandler.fromInputStream(event -> {
            Optional<ProofDownload> found = explorer.proofOf(tx.id().hex());
            byte[] bytes = found.map(ProofDownload::jsonBytes).orElse("{\"error\":\"not yet in a block\"}".getBytes(StandardCharsets.UTF_8));
            return new DownloadResponse(new ByteArrayInputStream(bytes), found.map(ProofDownload::fileName).orElse("proof.json"),
                    "application/json", bytes.length);
        }), "Download proof (JSON)");
        download.getElement().setAttribute("download", true);
        download.setId("proof-download-" + suffix);
        Button qr = new Button("Show as QR", click -> showQr(tx));
        qr.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        qr.setId("proof-qr-" + suffix);
        return new Div(download, qr);
    }

    private void showQr(TxDetails tx) {
        ServiceCalls.attempt(() -> {
            Optional<ProofDownload> found = explorer.proofOf(tx.id().hex());
            if (found.isEmpty() || found.get().qrPng() == null) {
                FieldErrors.Notifications.error(found.isEmpty() ? "Not in a block now; try again in a moment"
                        : "This proof is too large for one QR code; download the file instead");
                return;
            }
            byte[] png = found.get().qrPng();
            Dialog dialog = new Dialog();
            dialog.setHeaderTitle("Proof bundle");
            dialog.setMaxWidth("100vw");
            Image image = new Image(DownloadHandler.fromInputStream(event -> new DownloadResponse(new ByteArrayInputStream(png),
                    "proof.png", "image/png", png.length)), "QR code of the proof bundle of transaction " + tx.id().hex());
            image.setId("proof-qr-image");
            image.setMaxWidth("100%");
            dialog.add(image, new Paragraph("Upload a photo of it on Verify a proof, or scan it into a file for ledger proof verify."));
            dialog.getFooter().add(new Button("Close", c -> dialog.close()));
            dialog.open();
        }, null);
    }
}

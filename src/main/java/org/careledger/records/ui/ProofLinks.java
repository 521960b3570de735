package org.careledger.records.ui;

import java.io.ByteArrayInputStream;
import java.util.Optional;
import java.util.function.Supplier;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.server.StreamResource;

import org.careledger.common.ui.FieldErrors;
import org.careledger.common.ui.ServiceCalls;
import org.careledger.records.ProofDownload;

/**
 * A proof bundle's download link and "Show as QR" button. The bundle is fetched from the service
 * when it is asked for (through the signed-in user's session, so the service's checks apply); while
 * the transaction is not yet in a block there is none.
 */
final class ProofLinks {

    private ProofLinks() {
    }

    static Span of(String idSuffix, Supplier<Optional<ProofDownload>> proof) {
        Span cell = new Span();
        StreamResource json = new StreamResource("careledger-proof-" + idSuffix + ".json", () -> proof.get()
                .map(p -> new ByteArrayInputStream(p.jsonBytes()))
                .orElseGet(() -> new ByteArrayInputStream("{\"error\":\"not yet in a block\"}".getBytes())));
        json.setContentType("application/json");
        Anchor download = new Anchor(json, "Proof");
        download.getElement().setAttribute("download", true);
        download.setId("proof-download-" + idSuffix);
        download.addClassName("proof-download");
        download.getElement().setAttribute("title", "A proof bundle: check it offline with "
                + "java -jar careledger.jar ledger proof verify FILE");
        Button qr = new Button("QR", click -> showQr(proof));
        qr.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        qr.setId("proof-qr-" + idSuffix);
        cell.add(download, qr);
        return cell;
    }

    private static void showQr(Supplier<Optional<ProofDownload>> proof) {
        ServiceCalls.attempt(() -> {
            Optional<ProofDownload> found = proof.get();
            if (found.isEmpty()) {
                FieldErrors.Notifications.error("Not yet in a block; try again in a moment");
                return;
            }
            if (found.get().qrPng() == null) {
                FieldErrors.Notifications.error("This proof is too large for one QR code; download the file instead");
                return;
            }
            byte[] png = found.get().qrPng();
            Dialog dialog = new Dialog();
            dialog.setHeaderTitle("Proof bundle");
            StreamResource image = new StreamResource("proof.png", () -> new ByteArrayInputStream(png));
            RecordsUi.fitToScreen(dialog);
            Image qr = new Image(image, "QR code of the proof bundle");
            qr.setMaxWidth("100%");
            dialog.add(qr,
                    new Paragraph("Scan it into a file and check it with: ledger proof verify FILE"));
            dialog.getFooter().add(new Button("Close", c -> dialog.close()));
            dialog.open();
        }, null);
    }
}

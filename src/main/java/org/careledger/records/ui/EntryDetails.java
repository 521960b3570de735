package org.careledger.records.ui;

import java.io.ByteArrayInputStream;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.server.StreamResource;
import org.careledger.common.ui.BrowserTime;
import org.careledger.records.Attachment;
import org.careledger.records.EntryContent;
import org.careledger.records.RecordEntryView;

/**
 * The whole of an entry, shown under its row when it is clicked: the code with its system, the
 * display text, the free text with its line breaks, and the attachment to download. Only what the
 * service returned (after its consent check and audit) is shown.
 */
final class EntryDetails {

    private EntryDetails() {
    }

    static ComponentRenderer<Component, RecordEntryView> renderer() {
        return new ComponentRenderer<>(EntryDetails::of);
    }

    static Component of(RecordEntryView e) {
        Div details = new Div();
        details.addClassName("entry-details");
        details.setId("entry-details-" + e.entryId());
        EntryContent c = e.content();
        if (c == null) {
            details.add(new Paragraph(switch (e.integrity()) {
                case ERASED -> "This entry was erased; only its fingerprint remains on the ledger.";
                case MISMATCH -> "This entry does not match its anchor on the ledger, so its content is withheld.";
                case PAYLOAD_MISSING -> "The ledger holds this entry's fingerprint, but this portal has no content for it.";
                default -> "No content to show.";
            }));
            return details;
        }
        if (c.code() != null) {
            details.add(new Paragraph(c.codeSystem() + " " + c.code() + (c.display() == null ? "" : " — " + c.display())));
        } else if (c.display() != null) {
            details.add(new Paragraph(c.display()));
        }
        if (c.text() != null) {
            Span text = new Span(c.text());
            text.getStyle().set("white-space", "pre-wrap");
            details.add(new Div(text));
        }
        Attachment a = c.attachment();
        if (a != null) {
            byte[] bytes = a.bytes();
            StreamResource file = new StreamResource(a.name(), () -> new ByteArrayInputStream(bytes));
            file.setContentType(a.mediaType());
            Anchor download = new Anchor(file, "Download " + a.name() + " (" + Math.max(1, a.size() / 1024) + " KB)");
            download.getElement().setAttribute("download", true);
            download.setId("attachment-download-" + e.entryId());
            details.add(new Div(download));
        }
        details.add(new Paragraph("Dated " + RecordsUi.date(e) + "; " + (e.imported() ? "imported from " + e.importedFrom()
                : e.author() == null ? "stored" : "written by " + e.author()) + " " + BrowserTime.format(e.createdAt())
                + (e.decidedAt() == null || e.imported() || e.selfReported() ? "" : ", approved " + BrowserTime.format(e.decidedAt()))));
        details.add(new Paragraph("Entry " + e.entryId() + ", version " + e.version()
                + (e.anchorTxId() == null ? "" : "; anchored by transaction " + e.anchorTxId().hex().substring(0, 12) + "…"
                + (e.anchorBlock() == null ? "" : " in block " + e.anchorBlock()))));
        return details;
    }
}

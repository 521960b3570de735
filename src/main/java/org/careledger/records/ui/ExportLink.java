package org.careledger.records.ui;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.server.StreamResource;
import org.careledger.records.RecordExchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A whole-record download link (FHIR), made as {@link ProofLinks} makes a proof's: the file is built
 * by the exporting module's service when the link is followed, in the signed-in user's request, so the
 * service's checks apply; a refusal downloads as a short JSON saying why.
 */
final class ExportLink {

    private static final Logger log = LoggerFactory.getLogger(ExportLink.class);

    private ExportLink() {
    }

    static Anchor of(String id, String fileName, String label, Supplier<RecordExchange.ExportFile> export) {
        StreamResource file = new StreamResource(fileName, () -> {
            try {
                return new ByteArrayInputStream(export.get().bytes());
            } catch (RuntimeException e) {
                log.info("Record export refused: {}", e.toString());
                String why = e.getMessage() == null ? "The export failed" : e.getMessage().replace("\"", "'");
                return new ByteArrayInputStream(("{\"error\":\"" + why + "\"}").getBytes(StandardCharsets.UTF_8));
            }
        });
        file.setContentType("application/fhir+json");
        Anchor download = new Anchor(file, label);
        download.getElement().setAttribute("download", true);
        download.setId(id);
        download.getElement().setAttribute("title", "Your record as an HL7 FHIR R4 Bundle, with each entry's ledger anchor and proof");
        return download;
    }
}

package org.careledger.records.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.server.streams.UploadMetadata;

/**
 * An upload kept in memory that never reads more than its limit plus one byte, whatever the browser
 * was told: the Upload component's size limit is enforced in the browser only, so a request crafted
 * by hand could otherwise fill the server's memory. The bytes, or the refusal, reach the UI thread.
 */
final class BoundedUpload {

    /** What to do with an upload within the limit, on the UI thread. */
    interface Received {
        void accept(UploadMetadata metadata, byte[] bytes);
    }

    private BoundedUpload() {
    }

    static UploadHandler of(int maxBytes, Received received, Runnable tooLarge) {
        return event -> {
            byte[] bytes;
            try (InputStream in = event.getInputStream()) {
                bytes = in.readNBytes(maxBytes + 1);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            UI ui = event.getUI();
            UploadMetadata metadata = new UploadMetadata(event.getFileName(), event.getContentType(), event.getFileSize());
            if (bytes.length > maxBytes) {
                ui.access(tooLarge::run);
            } else {
                ui.access(() -> received.accept(metadata, bytes));
            }
        };
    }
}

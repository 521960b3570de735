package org.careledger.common.ui;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.dom.DomEvent;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.server.streams.UploadMetadata;
import elemental.json.JsonObject;
import elemental.json.JsonType;

/**
 * An upload of one file of at most a limit, kept in memory. A file over the limit is refused in the
 * caller's words (which name the limit) wherever it is found: by the browser, which is told the limit
 * and refuses a larger file before sending it, or by the server, which never reads more than the
 * limit plus one byte whatever the browser was told (a request crafted by hand skips the browser's
 * check), and refuses without reading at all a request that says it is larger than any file within
 * the limit could make it. The file, or the refusal, reaches the UI thread.
 *
 * <p>Spring's own multipart handling is off ({@code spring.servlet.multipart.enabled=false}), so
 * Vaadin streams the request here and this limit is the only one.
 */
public final class BoundedUpload implements UploadHandler {

    /** What to do with a file within the limit, on the UI thread. */
    public interface Received {
        void accept(UploadMetadata metadata, byte[] bytes);
    }

    /** Room in a request for the multipart boundaries and the part's headers around the file. */
    private static final int ENVELOPE = 64 * 1024;
    private static final String REJECTED_SIZE = "event.detail.file.size";
    private static final String REJECTED_BECAUSE = "event.detail.error";

    private final int maxBytes;
    private final Received received;
    private final Runnable tooLarge;

    private BoundedUpload(int maxBytes, Received received, Runnable tooLarge) {
        this.maxBytes = maxBytes;
        this.received = received;
        this.tooLarge = tooLarge;
    }

    /**
     * An upload that takes one file of at most {@code maxBytes}. {@code received} gets a file within
     * the limit; {@code tooLarge} runs for a larger one, refused by the browser or by the server;
     * {@code refused} gets the browser's words for a file it refuses for another reason (its type).
     */
    public static Upload create(int maxBytes, Received received, Runnable tooLarge, Consumer<String> refused) {
        Upload upload = new Upload(new BoundedUpload(maxBytes, received, tooLarge));
        upload.setMaxFiles(1);
        upload.setMaxFileSize(maxBytes);
        upload.getElement().addEventListener("file-reject", event -> {
            if (rejectedSize(event) > maxBytes) {
                tooLarge.run();
            } else {
                refused.accept(rejectedBecause(event));
            }
        }).addEventData(REJECTED_SIZE).addEventData(REJECTED_BECAUSE);
        return upload;
    }

    @Override
    public void handleRequest(VaadinRequest request, VaadinResponse response, VaadinSession session, Element owner) throws IOException {
        if (request.getContentLengthLong() > requestLimit()) {
            owner.getComponent().ifPresent(this::refuse);
            response.setStatus(413);
            return;
        }
        UploadHandler.super.handleRequest(request, response, session, owner);
    }

    /** Stops a request that did not say its length (chunked) once it passes the same bound. */
    @Override
    public long getRequestSizeMax() {
        return requestLimit();
    }

    @Override
    public void handleUploadRequest(UploadEvent event) throws IOException {
        try (InputStream in = event.getInputStream()) {
            byte[] bytes = in.readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) {
                refuse(event.getOwningComponent());
            } else {
                UploadMetadata metadata = new UploadMetadata(event.getFileName(), event.getContentType(), event.getFileSize());
                event.getUI().access(() -> received.accept(metadata, bytes));
            }
        }
    }

    private long requestLimit() {
        return (long) maxBytes + ENVELOPE;
    }

    /** Tells the user on the UI thread; the upload's list drops the file, which the browser may show as sent. */
    private void refuse(Component upload) {
        upload.getUI().ifPresent(ui -> ui.access(() -> {
            if (upload instanceof Upload u) {
                u.clearFileList();
            }
            tooLarge.run();
        }));
    }

    private static double rejectedSize(DomEvent event) {
        JsonObject data = event.getEventData();
        return data.hasKey(REJECTED_SIZE) && data.get(REJECTED_SIZE).getType() == JsonType.NUMBER ? data.getNumber(REJECTED_SIZE) : 0;
    }

    private static String rejectedBecause(DomEvent event) {
        JsonObject data = event.getEventData();
        return data.hasKey(REJECTED_BECAUSE) && data.get(REJECTED_BECAUSE).getType() == JsonType.STRING
                ? data.getString(REJECTED_BECAUSE) : "This file cannot be uploaded";
    }
}

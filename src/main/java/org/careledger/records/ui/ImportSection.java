package org.careledger.records.ui;

import java.util.Optional;
import java.util.function.Supplier;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.upload.Upload;
import org.careledger.common.ui.BoundedUpload;
import org.careledger.common.ui.FieldErrors;
import org.careledger.common.ui.ServiceCalls;
import org.careledger.records.RecordExchange.ImportJob;
import org.careledger.records.RecordExchange.ImportProgress;

/**
 * "Import a FHIR file": the upload hands the file to the importing module, which reads and stores it in the
 * background, and this section follows it by server push: a progress bar with "n of m resources", then the
 * report (what was imported, what was skipped and why, or why the file was refused). Opened again while an
 * import runs, it follows that one.
 */
class ImportSection extends Details {

    /** Starts an import of a file, as the module's service allows it. */
    interface Start {
        ImportJob start(String fileName, byte[] bytes);
    }

    private static final int SHOWN_DETAILS = 50;

    final Upload upload;
    final ProgressBar bar = new ProgressBar();
    final Span step = new Span();
    final Paragraph outcome = new Paragraph();
    final UnorderedList details = new UnorderedList();
    private final Div progress = new Div(bar, step);
    private final Supplier<Optional<ImportJob>> running;
    private final Runnable finished;
    private Runnable unsubscribe;
    private boolean ended;

    ImportSection(String title, String explanation, int maxBytes, Start start, Supplier<Optional<ImportJob>> running, Runnable finished) {
        this.running = running;
        this.finished = finished;
        String limit = maxBytes / (1024 * 1024) + " MB";
        upload = BoundedUpload.create(maxBytes, (metadata, bytes) -> ServiceCalls.attempt(() -> follow(start.start(metadata.fileName(), bytes)),
                null), () -> FieldErrors.Notifications.error("The file is larger than " + limit), FieldErrors.Notifications::error);
        upload.setId("fhir-import");
        upload.setAcceptedFileTypes("application/json", "application/fhir+json", ".json");
        bar.setId("fhir-import-progress");
        step.setId("fhir-import-step");
        outcome.setId("fhir-import-outcome");
        details.setId("fhir-import-details");
        progress.setVisible(false);
        progress.setId("fhir-import-running");
        setSummaryText(title);
        add(new Paragraph(explanation.replace("LIMIT", limit)), upload, progress, outcome, details);
        setId("fhir-import-section");
    }

    @Override
    protected void onAttach(AttachEvent event) {
        running.get().ifPresent(this::follow);
    }

    @Override
    protected void onDetach(DetachEvent event) {
        stopFollowing();
    }

    private void follow(ImportJob job) {
        stopFollowing();
        ended = false;
        setOpened(true);
        UI ui = UI.getCurrent();
        show(job.progress());
        unsubscribe = job.subscribe(p -> ui.access(() -> show(p)));
    }

    private void stopFollowing() {
        if (unsubscribe != null) {
            unsubscribe.run();
            unsubscribe = null;
        }
    }

    void show(ImportProgress p) {
        if (ended) { // told twice when it ended just as the page began to follow it
            return;
        }
        progress.setVisible(!p.finished());
        upload.setVisible(p.finished());
        details.removeAll();
        if (!p.finished()) {
            outcome.setText("");
            bar.setIndeterminate(p.total() == 0);
            bar.setValue(p.total() == 0 ? 0 : (double) p.done() / p.total());
            step.setText(p.step());
            return;
        }
        stopFollowing();
        ended = true;
        outcome.setText(p.outcome());
        outcome.setClassName("fhir-import-refused", p.refused());
        outcome.getStyle().set("color", p.refused() ? "var(--lumo-error-text-color)" : null);
        p.details().stream().limit(SHOWN_DETAILS).forEach(d -> details.add(new ListItem(d)));
        if (p.details().size() > SHOWN_DETAILS) {
            details.add(new ListItem("and " + (p.details().size() - SHOWN_DETAILS) + " more"));
        }
        upload.clearFileList();
        if (!p.refused()) {
            finished.run();
        }
    }
}

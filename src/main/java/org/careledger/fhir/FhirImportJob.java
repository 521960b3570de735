package org.careledger.fhir;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One FHIR import running in the background ({@link PatientFhir#startImport}, {@link DoctorFhir#startImport}):
 * its progress, and its report or refusal once it ends. Listeners hear of each step and of each
 * percent done (at most about a hundred times, however large the file), on the import's thread.
 */
public final class FhirImportJob {

    private static final Logger log = LoggerFactory.getLogger(FhirImportJob.class);

    /** What the import is doing: waiting for the worker, reading the file, checking its resources, storing entries, or ended. */
    public enum Stage { WAITING, READING, CHECKING, STORING, DONE, REFUSED }

    /**
     * Where an import stands.
     *
     * @param done    how many of {@code total} resources (checking) or entries (storing) it has dealt with
     * @param report  once {@link Stage#DONE}, what it did
     * @param refusal once {@link Stage#REFUSED}, why nothing was stored, with {@code details} (the parser's messages)
     */
    public record Progress(Stage stage, int done, int total, FhirImportReport report, String refusal, List<String> details) {

        public Progress {
            details = List.copyOf(details);
        }

        public boolean finished() {
            return stage == Stage.DONE || stage == Stage.REFUSED;
        }
    }

    private final List<Consumer<Progress>> listeners = new CopyOnWriteArrayList<>();
    private volatile Progress progress = new Progress(Stage.WAITING, 0, 0, null, null, List.of());

    FhirImportJob() {
    }

    public Progress progress() {
        return progress;
    }

    /** Tells {@code listener} of every move from now on, and at once if the import has already ended; returns what stops it. */
    public Runnable subscribe(Consumer<Progress> listener) {
        listeners.add(listener);
        Progress now = progress;
        if (now.finished()) {
            tell(listener, now);
        }
        return () -> listeners.remove(listener);
    }

    void at(Stage stage, int done, int total) {
        Progress before = progress;
        Progress now = new Progress(stage, done, total, null, null, List.of());
        progress = now;
        if (before.stage() != stage || percent(before) != percent(now)) {
            listeners.forEach(l -> tell(l, now));
        }
    }

    void done(FhirImportReport report) {
        end(new Progress(Stage.DONE, report.pending(), report.pending(), report, null, List.of()));
    }

    void refused(String why, List<String> details) {
        end(new Progress(Stage.REFUSED, 0, 0, null, why, details));
    }

    private void end(Progress last) {
        progress = last;
        listeners.forEach(l -> tell(l, last));
    }

    private static int percent(Progress p) {
        return p.total() == 0 ? -1 : (int) (100L * p.done() / p.total());
    }

    /** A listener's failure (a page closed meanwhile) is the listener's, never the import's. */
    private static void tell(Consumer<Progress> listener, Progress p) {
        try {
            listener.accept(p);
        } catch (RuntimeException e) {
            log.debug("An import's listener failed: {}", e.toString());
        }
    }
}

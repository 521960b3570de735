package org.careledger.records;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.careledger.crypto.Address;

/**
 * A whole-record export and import that another module offers on the record views (the FHIR module's
 * Bundle); an import runs in the background and the page follows its progress.
 * The views find it by this type, so the records module does not depend on the module that implements
 * it; each call goes through that module's services, which check who may export what.
 */
public interface RecordExchange {

    /** A file to download. */
    record ExportFile(String fileName, String mediaType, byte[] bytes) {

        public ExportFile {
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }
    }

    /** What the download is called on the page ("Download FHIR"). */
    String label();

    /** The signed-in patient's own record. */
    ExportFile exportMine();

    /**
     * The patient's record as the signed-in doctor may export it (what the doctor's access opens; the
     * export is a read on the ledger's audit).
     */
    ExportFile exportFor(Address patient);

    /** The largest file an import takes. */
    int maxImportBytes();

    /**
     * Where an import stands, in words for the person who started it.
     *
     * @param step    what it is doing while it runs, in a line ("Checking 120 of 5000 resources"); null once finished
     * @param done    how many of {@code total} it has dealt with in this step; {@code total} is 0 while it cannot say
     * @param outcome once finished, what happened, in a sentence (or why the file was refused)
     * @param details once finished, what was skipped and why, or the messages that refused the file
     */
    record ImportProgress(boolean finished, boolean refused, String step, int done, int total, String outcome, List<String> details) {

        public ImportProgress {
            details = List.copyOf(details);
        }
    }

    /** An import running in the background: the page follows it and shows its report when it ends. */
    interface ImportJob {

        ImportProgress progress();

        /**
         * Tells {@code listener} each time the progress moves and when the import ends (at once if it has
         * ended), on the import's own thread; the page hands it to its UI. Returns what stops the telling.
         */
        Runnable subscribe(Consumer<ImportProgress> listener);
    }

    /**
     * Starts importing a file into the signed-in patient's entries waiting for approval, in the background.
     *
     * @throws org.careledger.common.OperationNotAllowedException when an import of theirs is running, or the file is refused
     *                                                            at once (too large)
     */
    ImportJob importMine(String fileName, byte[] bytes);

    /** The signed-in patient's import still running, if one is (after the page was left and opened again). */
    Optional<ImportJob> myRunningImport();

    /**
     * Starts importing a file for the patient as the signed-in doctor, in the background: its entries in the
     * categories the doctor may write wait for the patient's approval, authored by the doctor.
     *
     * @throws ConsentRequiredException if the doctor may write nothing into the patient's record
     * @throws org.careledger.common.OperationNotAllowedException when the doctor's import for this patient is running
     */
    ImportJob importFor(Address patient, String fileName, byte[] bytes);

    /** The signed-in doctor's import for the patient still running, if one is. */
    Optional<ImportJob> runningImportFor(Address patient);

    /** The export the install offers, if a module offers one. */
    static Optional<RecordExchange> of(org.springframework.beans.factory.ObjectProvider<RecordExchange> provider) {
        return Optional.ofNullable(provider.getIfAvailable());
    }
}

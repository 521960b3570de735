package org.careledger.fhir;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.careledger.crypto.Address;
import org.careledger.records.RecordExchange;
import org.springframework.stereotype.Component;

/**
 * The FHIR download and upload on the record views: the patient's through {@link PatientFhir}, a doctor's through
 * {@link DoctorFhir}, so their role and consent checks apply. Builds nothing until a link is followed or a file
 * uploaded; an import's progress and report are put into words for the page here.
 */
@Component
class FhirRecordExchange implements RecordExchange {

    private final PatientFhir patients;
    private final DoctorFhir doctors;

    FhirRecordExchange(PatientFhir patients, DoctorFhir doctors) {
        this.patients = patients;
        this.doctors = doctors;
    }

    @Override
    public String label() {
        return "Download FHIR";
    }

    @Override
    public ExportFile exportMine() {
        return file(patients.exportMyRecord());
    }

    @Override
    public ExportFile exportFor(Address patient) {
        return file(doctors.exportRecord(patient));
    }

    @Override
    public int maxImportBytes() {
        return org.careledger.fhir.internal.BundleReader.MAX_BYTES;
    }

    @Override
    public ImportJob importMine(String fileName, byte[] bytes) {
        return new Followed(patients.startImport(bytes, fileName), false);
    }

    @Override
    public Optional<ImportJob> myRunningImport() {
        return patients.runningImport().map(job -> new Followed(job, false));
    }

    @Override
    public ImportJob importFor(Address patient, String fileName, byte[] bytes) {
        return new Followed(doctors.startImport(patient, bytes), true);
    }

    @Override
    public Optional<ImportJob> runningImportFor(Address patient) {
        return doctors.runningImport(patient).map(job -> new Followed(job, true));
    }

    private static ExportFile file(FhirExport export) {
        return new ExportFile(export.fileName(), FhirExport.MEDIA_TYPE, export.bytes());
    }

    /** A job as the page follows it, in the words of the person who started it: the patient, or their doctor. */
    private record Followed(FhirImportJob job, boolean byDoctor) implements ImportJob {

        @Override
        public ImportProgress progress() {
            return words(job.progress(), byDoctor);
        }

        @Override
        public Runnable subscribe(Consumer<ImportProgress> listener) {
            return job.subscribe(p -> listener.accept(words(p, byDoctor)));
        }
    }

    static ImportProgress words(FhirImportJob.Progress p, boolean byDoctor) {
        return switch (p.stage()) {
            case WAITING -> running("Waiting for other imports to finish…", p);
            case READING -> running("Reading the file…", p);
            case CHECKING -> running("Checking " + p.done() + " of " + p.total() + " resources", p);
            case STORING -> running(p.total() == 0 ? "Storing entries…" : "Storing " + p.done() + " of " + p.total() + " entries", p);
            case REFUSED -> new ImportProgress(true, true, null, 0, 0, "The file was not imported, and nothing was stored: "
                    + p.refusal(), p.details());
            case DONE -> new ImportProgress(true, false, null, p.done(), p.total(), report(p.report(), byDoctor), p.report().skipped());
        };
    }

    private static ImportProgress running(String step, FhirImportJob.Progress p) {
        return new ImportProgress(false, false, step, p.done(), p.total(), null, List.of());
    }

    private static String report(FhirImportReport report, boolean byDoctor) {
        List<String> parts = new ArrayList<>();
        parts.add(byDoctor ? count(report.pending(), "entry", "entries") + " sent to the patient for approval"
                : count(report.pending(), "entry waits", "entries wait") + " for your approval below");
        if (report.alreadyThere() > 0) {
            parts.add(count(report.alreadyThere(), "was", "were") + (byDoctor ? " already sent by you" : " already in your record or waiting"));
        }
        if (!report.skipped().isEmpty()) {
            parts.add(count(report.skipped().size(), "resource", "resources") + " not imported (listed below)");
        }
        return String.join("; ", parts);
    }

    private static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}

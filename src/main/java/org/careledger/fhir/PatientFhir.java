package org.careledger.fhir;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;

import org.careledger.appointments.AppointmentBooking;
import org.careledger.appointments.AppointmentState;
import org.careledger.fhir.internal.BundleReader;
import org.careledger.fhir.internal.RecordBundle;
import org.careledger.identity.AppRoles;
import org.careledger.identity.CurrentUser;
import org.careledger.identity.UserProfile;
import org.careledger.pharmacy.PatientPrescriptions;
import org.careledger.pharmacy.RxState;
import org.careledger.records.AccessEventView;
import org.careledger.records.GrantView;
import org.careledger.records.ImportResult;
import org.careledger.records.ImportedEntry;
import org.careledger.records.Party;
import org.careledger.records.PatientConsent;
import org.careledger.records.PatientRecords;
import org.careledger.records.RecordEntryView;
import org.springframework.stereotype.Service;

/**
 * A patient's own record as a FHIR R4 Bundle: registration data (Patient, Coverage), every entry of the
 * record with its ledger anchor and proof, every grant as a Consent, every read of the record by
 * someone else as an AuditEvent, and the pharmacy's prescriptions, dispensings and invoices and the
 * appointments (MedicationRequest, MedicationDispense, Invoice, Appointment), each with the anchor of its own
 * transaction. A patient's reading of their own record is not audited, so neither is this export. And the
 * import of a Bundle from elsewhere into the entries the patient approves, in the background ({@link #startImport}).
 */
@Service
@RolesAllowed(AppRoles.PATIENT)
public class PatientFhir {

    private final PatientRecords records;
    private final PatientConsent consent;
    private final CurrentUser currentUser;
    private final PatientPrescriptions prescriptions;
    private final AppointmentBooking appointments;
    private final ExportAnchors anchors;
    private final FhirImportJobs jobs;
    private final Clock clock;

    PatientFhir(PatientRecords records, PatientConsent consent, CurrentUser currentUser, PatientPrescriptions prescriptions,
                AppointmentBooking appointments, ExportAnchors anchors, FhirImportJobs jobs, Clock clock) {
        this.records = records;
        this.prescriptions = prescriptions;
        this.appointments = appointments;
        this.consent = consent;
        this.currentUser = currentUser;
        this.anchors = anchors;
        this.jobs = jobs;
        this.clock = clock;
    }

    /** The signed-in patient's whole record. */
    public FhirExport exportMyRecord() {
        UserProfile me = currentUser.require();
        RecordBundle bundle = new RecordBundle(clock.instant());
        bundle.patient(new Party(me.ledgerAddress(), me.fullName(), "Patient", null, null), me);
        Map<String, String> hashes = anchors.entryHashes(me.ledgerAddress());
        for (RecordEntryView e : records.myRecord()) {
            bundle.entry(e, anchors.of(e, hashes, records::proofOf));
        }
        for (GrantView g : consent.myGrants()) {
            bundle.grant(g);
        }
        for (AccessEventView read : consent.whoViewedMyRecord()) {
            bundle.read(read, anchors.ofTransaction(read.txId()));
        }
        prescriptions.mine().stream().filter(p -> p.state() != RxState.REFUSED).forEach(p -> bundle.prescription(p, anchors::ofTransaction));
        appointments.mine().stream().filter(a -> a.state() != AppointmentState.REFUSED).forEach(a -> bundle.appointment(a,
                a.chainId() == null ? null : anchors.ofTransaction(org.careledger.ledger.Hash.fromHex(a.chainId()))));
        return new FhirExport("careledger-fhir-" + me.ledgerAddress().toString().substring(0, 10) + "-"
                + LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC) + ".json", bundle.json(), bundle.size());
    }

    /**
     * Starts importing a FHIR R4 Bundle (JSON) into the signed-in patient's entries waiting for approval, in
     * the background ({@link #importBundle} says what it does); the job tells its progress and its report.
     *
     * @param source where the file comes from, as the patient names it (the file's name)
     * @throws FhirImportRefused when the file is over 20 MB (the rest is found, and refused, in the job)
     * @throws org.careledger.common.OperationNotAllowedException if an import of the patient's is running already
     */
    public FhirImportJob startImport(byte[] json, String source) {
        UserProfile me = currentUser.require();
        FhirImportJobs.checkSize(json);
        return jobs.start(me, me.ledgerAddress(), job -> importBundle(json, source, job));
    }

    /** The signed-in patient's import still running, if one is. */
    public Optional<FhirImportJob> runningImport() {
        UserProfile me = currentUser.require();
        return jobs.running(me, me.ledgerAddress());
    }

    /**
     * Imports a FHIR R4 Bundle (JSON) into the signed-in patient's entries waiting for approval, as a
     * doctor's entries wait: diagnoses, vital signs and lab results, allergies, medicines, and documents
     * with their content inlined (notes, attachments); every other resource is listed as skipped, with why,
     * and so is one already in the record or waiting (same category, codes, text, file and date), so
     * importing the same file twice adds nothing. The whole file is refused, with nothing stored, when it
     * is larger than 20 MB, holds more than 5,000 resources, is not a Bundle or not JSON, does not parse
     * (the parser's first ten messages say why), or refers to resources outside itself (never fetched).
     *
     * @param source where the file comes from, as the patient names it (the file's name)
     * @throws FhirImportRefused when the file is refused
     */
    public FhirImportReport importBundle(byte[] json, String source) {
        return importBundle(json, source, new FhirImportJob());
    }

    private FhirImportReport importBundle(byte[] json, String source, FhirImportJob job) {
        currentUser.require(); // again on the import's own thread
        BundleReader.Read read = FhirImportJobs.read(json, job);
        List<ImportedEntry> entries = read.entries().stream().map(BundleReader.Item::entry).toList();
        job.at(FhirImportJob.Stage.STORING, 0, 0); // how many are new, records says as it stores them
        ImportResult stored = records.importPending(entries, FhirImportJobs.source(source),
                (done, total) -> job.at(FhirImportJob.Stage.STORING, done, total));
        return new FhirImportReport(stored.pending(), read.skipped(), stored.alreadyThere());
    }
}

package org.careledger.fhir;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;

import org.careledger.contracts.RecordCategory;
import org.careledger.crypto.Address;
import org.careledger.fhir.internal.BundleReader;
import org.careledger.fhir.internal.Codes;
import org.careledger.fhir.internal.RecordBundle;
import org.careledger.identity.AppRoles;
import org.careledger.identity.CurrentUser;
import org.careledger.records.AccessEventView;
import org.careledger.records.ConsentRequiredException;
import org.careledger.records.DoctorConsent;
import org.careledger.records.DoctorRecords;
import org.careledger.records.GrantView;
import org.careledger.records.ImportResult;
import org.careledger.records.ImportedEntry;
import org.careledger.records.PatientRecordView;
import org.careledger.records.RecordEntryView;
import org.springframework.stereotype.Service;

/**
 * A patient's record as a doctor may export it: exactly what the doctor's active grant or declared
 * emergency opens, read through {@link DoctorRecords#readRecord}, so every entry exported is first
 * recorded, durably, as a read on the ledger's audit, exactly as viewing it is. The Bundle says on its
 * meta which categories were left out; it holds the doctor's own grants from the patient as Consents and
 * the doctor's own reads of the record as AuditEvents (those already on the ledger), never other
 * doctors' consents or anyone else's reads. A doctor also imports a FHIR file for the patient: its entries
 * in the categories the doctor may write wait for the patient's approval, as the doctor's own entries do.
 */
@Service
@RolesAllowed(AppRoles.DOCTOR)
public class DoctorFhir {

    private final DoctorRecords records;
    private final DoctorConsent consent;
    private final ExportAnchors anchors;
    private final FhirImportJobs jobs;
    private final CurrentUser currentUser;
    private final Clock clock;

    DoctorFhir(DoctorRecords records, DoctorConsent consent, ExportAnchors anchors, FhirImportJobs jobs, CurrentUser currentUser,
               Clock clock) {
        this.records = records;
        this.consent = consent;
        this.anchors = anchors;
        this.jobs = jobs;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /**
     * The categories of the patient's record that the signed-in doctor's access opens now.
     *
     * @throws ConsentRequiredException if no grant or emergency opens any category
     */
    public FhirExport exportRecord(Address patient) {
        PatientRecordView view = records.readRecord(patient);
        RecordBundle bundle = new RecordBundle(clock.instant());
        bundle.patient(view.patient(), null);
        Map<String, String> hashes = anchors.entryHashes(patient);
        for (RecordEntryView e : view.entries()) {
            bundle.entry(e, anchors.of(e, hashes, records::proofOf));
        }
        for (GrantView g : consent.myPatients()) {
            if (patient.equals(g.patient().address())) {
                bundle.grant(g);
            }
        }
        for (AccessEventView read : consent.myReadsOf(patient)) {
            bundle.read(read, anchors.ofTransaction(read.txId()));
        }
        for (RecordCategory hidden : view.hidden().stream().sorted().toList()) {
            bundle.leftOut(Codes.label(hidden) + ": not covered by your access");
        }
        bundle.leftOut("other readers' reads of the record and other doctors' consents: not part of a doctor's export");
        bundle.leftOut("registration data, prescriptions, dispensings, invoices and appointments: in the patient's own export only");
        return new FhirExport("careledger-fhir-" + patient.toString().substring(0, 10) + "-"
                + LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC) + ".json", bundle.json(), bundle.size());
    }

    /**
     * Starts importing a FHIR R4 Bundle (JSON) for the patient in the background ({@link #importBundle} says
     * what it does); the doctor's access is checked now, before anything is queued, and again in the job.
     *
     * @throws ConsentRequiredException if no grant or emergency lets the doctor write into the patient's record
     * @throws FhirImportRefused when the file is over 20 MB
     * @throws org.careledger.common.OperationNotAllowedException if the doctor's import for this patient is running already
     */
    public FhirImportJob startImport(Address patient, byte[] json) {
        records.writableCategories(patient);
        FhirImportJobs.checkSize(json);
        return jobs.start(currentUser.require(), patient, job -> importBundle(patient, json, job));
    }

    /** The signed-in doctor's import for the patient still running, if one is. */
    public Optional<FhirImportJob> runningImport(Address patient) {
        return jobs.running(currentUser.require(), patient);
    }

    /**
     * Imports a FHIR R4 Bundle (JSON) for the patient: what it holds becomes entries the patient approves,
     * authored by the signed-in doctor (not marked as imported: the doctor answers for them), exactly as the
     * entries the doctor writes by hand
     * ({@link DoctorRecords#proposeImported}), and only in the categories the doctor may write now; the
     * others are listed as skipped, with why, and so is whatever the patient's own import skips. The same
     * limits and refusals as the patient's import ({@link PatientFhir#importBundle}).
     *
     * @throws ConsentRequiredException if no grant or emergency lets the doctor write into the patient's record
     * @throws FhirImportRefused when the file is refused
     */
    public FhirImportReport importBundle(Address patient, byte[] json) {
        return importBundle(patient, json, new FhirImportJob());
    }

    private FhirImportReport importBundle(Address patient, byte[] json, FhirImportJob job) {
        Set<RecordCategory> open = records.writableCategories(patient); // again on the import's own thread
        BundleReader.Read read = FhirImportJobs.read(json, job);
        List<ImportedEntry> allowed = new ArrayList<>();
        List<String> skipped = new ArrayList<>(read.skipped());
        for (BundleReader.Item item : read.entries()) {
            if (open.contains(item.entry().category())) {
                allowed.add(item.entry());
            } else {
                skipped.add(item.label() + ": " + Codes.label(item.entry().category()) + " entries are not covered by your access");
            }
        }
        job.at(FhirImportJob.Stage.STORING, 0, 0); // how many are new, records says as it stores them
        ImportResult stored = records.proposeImported(patient, allowed, (done, total) -> job.at(FhirImportJob.Stage.STORING, done, total));
        return new FhirImportReport(stored.pending(), skipped, stored.alreadyThere());
    }
}

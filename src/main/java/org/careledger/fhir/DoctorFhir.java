package org.careledger.fhir;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;

import org.careledger.common.NotFoundException;
import org.careledger.contracts.RecordCategory;
import org.careledger.crypto.Address;
import org.careledger.fhir.internal.Codes;
import org.careledger.fhir.internal.RecordBundle;
import org.careledger.identity.AppRoles;
import org.careledger.records.ConsentRequiredException;
import org.careledger.records.DoctorConsent;
import org.careledger.records.DoctorRecords;
import org.careledger.records.EntryStatus;
import org.careledger.records.GrantView;
import org.careledger.records.PatientRecordView;
import org.careledger.records.ProofDownload;
import org.careledger.records.RecordEntryView;
import org.springframework.stereotype.Service;

/**
 * A patient's record as a doctor may export it: exactly what the doctor's active grant or declared
 * emergency opens, read through {@link DoctorRecords#readRecord}, so every entry exported is first
 * recorded, durably, as a read on the ledger's audit, exactly as viewing it is. The Bundle says on its
 * meta which categories were left out; it holds the doctor's own grants from the patient as Consents,
 * and neither other doctors' consents nor anyone's reads (AuditEvents).
 */
@Service
@RolesAllowed(AppRoles.DOCTOR)
public class DoctorFhir {

    private final DoctorRecords records;
    private final DoctorConsent consent;
    private final ExportAnchors anchors;
    private final Clock clock;

    DoctorFhir(DoctorRecords records, DoctorConsent consent, ExportAnchors anchors, Clock clock) {
        this.records = records;
        this.consent = consent;
        this.anchors = anchors;
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
            bundle.entry(e, anchors.of(e, hashes, () -> proof(e)));
        }
        for (GrantView g : consent.myPatients()) {
            if (patient.equals(g.patient().address())) {
                bundle.grant(g);
            }
        }
        for (RecordCategory hidden : view.hidden().stream().sorted().toList()) {
            bundle.leftOut(Codes.label(hidden) + ": not covered by your access");
        }
        bundle.leftOut("reads of the record (AuditEvent) and other doctors' consents: not part of a doctor's export");
        bundle.leftOut("registration data, prescriptions, dispensings, invoices and appointments: in the patient's own export only");
        return new FhirExport("careledger-fhir-" + patient.toString().substring(0, 10) + "-"
                + LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC) + ".json", bundle.json(), bundle.size());
    }

    private Optional<ProofDownload> proof(RecordEntryView e) {
        if (!e.provable() && e.status() != EntryStatus.ERASED) {
            return Optional.empty();
        }
        try {
            return records.proofOf(e.entryId());
        } catch (NotFoundException notHeldHere) {
            return Optional.empty();
        }
    }
}

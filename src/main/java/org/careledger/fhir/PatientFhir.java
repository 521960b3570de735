package org.careledger.fhir;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;

import org.careledger.appointments.AppointmentBooking;
import org.careledger.appointments.AppointmentState;
import org.careledger.common.NotFoundException;
import org.careledger.fhir.internal.Fhir;
import org.careledger.fhir.internal.RecordBundle;
import org.careledger.identity.AppRoles;
import org.careledger.identity.CurrentUser;
import org.careledger.identity.UserProfile;
import org.careledger.pharmacy.PatientPrescriptions;
import org.careledger.pharmacy.RxState;
import org.careledger.records.AccessEventView;
import org.careledger.records.EntryStatus;
import org.careledger.records.GrantView;
import org.careledger.records.Party;
import org.careledger.records.PatientConsent;
import org.careledger.records.PatientRecords;
import org.careledger.records.ProofDownload;
import org.careledger.records.RecordEntryView;
import org.hl7.fhir.r4.model.Bundle;
import org.springframework.stereotype.Service;

/**
 * A patient's own record as a FHIR R4 Bundle: registration data (Patient, Coverage), every entry of the
 * record with its ledger anchor and proof, every grant as a Consent, every read of the record by
 * someone else as an AuditEvent, and the pharmacy's prescriptions, dispensings and invoices and the
 * appointments (MedicationRequest, MedicationDispense, Invoice, Appointment). A patient's reading of their own record is not audited, so neither is
 * this export.
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
    private final Clock clock;

    PatientFhir(PatientRecords records, PatientConsent consent, CurrentUser currentUser, PatientPrescriptions prescriptions,
                AppointmentBooking appointments, ExportAnchors anchors, Clock clock) {
        this.records = records;
        this.prescriptions = prescriptions;
        this.appointments = appointments;
        this.consent = consent;
        this.currentUser = currentUser;
        this.anchors = anchors;
        this.clock = clock;
    }

    /** The signed-in patient's whole record. */
    public FhirExport exportMyRecord() {
        UserProfile me = currentUser.require();
        RecordBundle bundle = new RecordBundle(clock.instant());
        bundle.patient(new Party(me.ledgerAddress(), me.fullName(), "Patient", null, null), me);
        Map<String, String> hashes = anchors.entryHashes(me.ledgerAddress());
        for (RecordEntryView e : records.myRecord()) {
            bundle.entry(e, anchors.of(e, hashes, () -> proof(e)));
        }
        for (GrantView g : consent.myGrants()) {
            bundle.grant(g);
        }
        for (AccessEventView read : consent.whoViewedMyRecord()) {
            bundle.read(read, anchors.ofTransaction(read.txId()));
        }
        prescriptions.mine().stream().filter(p -> p.state() != RxState.REFUSED).forEach(bundle::prescription);
        appointments.mine().stream().filter(a -> a.state() != AppointmentState.REFUSED).forEach(bundle::appointment);
        Bundle b = bundle.build();
        return new FhirExport("careledger-fhir-" + me.ledgerAddress().toString().substring(0, 10) + "-"
                + LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC) + ".json", Fhir.json(b), b.getEntry().size());
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

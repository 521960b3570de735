package org.careledger.records;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;

import org.careledger.common.InvalidInputException;
import org.careledger.common.NotFoundException;
import org.careledger.common.OperationNotAllowedException;
import org.careledger.contracts.AccessBasis;
import org.careledger.contracts.AccessEvent;
import org.careledger.contracts.ConsentCalls;
import org.careledger.contracts.ConsentQueries;
import org.careledger.contracts.ContractState;
import org.careledger.contracts.Grant;
import org.careledger.contracts.Purpose;
import org.careledger.contracts.RecordCategory;
import org.careledger.contracts.RequestStatus;
import org.careledger.crypto.Address;
import org.careledger.identity.AppRoles;
import org.careledger.identity.Role;
import org.careledger.identity.SecurityAudit;
import org.careledger.identity.UserDirectory;
import org.careledger.identity.UserProfile;
import org.careledger.ledger.Hash;
import org.careledger.outbox.LedgerOutbox;
import org.careledger.outbox.LedgerReceipt;
import org.careledger.outbox.QueuedCall;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Consent as a doctor meets it: look a patient up by address (learning only where access stands),
 * ask for access, declare a break-glass emergency, and list the patients whose grants are in force.
 * Every request and emergency is a ledger call signed with the doctor's own custody key, queued
 * durably with the change (see {@link LedgerOutbox}); a note or reason is sealed off chain under the
 * patient's key and only its salted hash goes on chain.
 */
@Service
@RolesAllowed(AppRoles.DOCTOR)
public class DoctorConsent {

    private final LedgerOutbox outbox;
    private final AccessPolicy policy;
    private final RecordVault vault;
    private final Parties parties;
    private final Caller.Callers callers;
    private final UserDirectory directory;
    private final ConsentViews views;
    private final ConsentProofs proofs;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final SecurityAudit securityAudit;

    DoctorConsent(LedgerOutbox outbox, AccessPolicy policy, RecordVault vault, Parties parties, Caller.Callers callers,
                  UserDirectory directory, ConsentViews views, ConsentProofs proofs, ApplicationEventPublisher events,
                  TransactionTemplate transactions, SecurityAudit securityAudit) {
        this.outbox = outbox;
        this.policy = policy;
        this.vault = vault;
        this.parties = parties;
        this.callers = callers;
        this.directory = directory;
        this.views = views;
        this.proofs = proofs;
        this.events = events;
        this.transactions = transactions;
        this.securityAudit = securityAudit;
    }

    /** Where the signed-in doctor stands with the patient at this address; nothing else about the patient. */
    public PatientLookup lookup(Address patient) {
        return lookup(callers.require(), patient);
    }

    private PatientLookup lookup(Caller me, Address patient) {
        if (parties.activePatient(patient).isEmpty()) {
            return new PatientLookup(patient, false, PatientLookup.AccessState.NO_ACCESS, Set.of(), null, null);
        }
        PatientLookup found = lookupIn(me, patient, policy.snapshot(patient));
        if (found.state() == PatientLookup.AccessState.NO_ACCESS) {
            // a request still in flight when the state was read may have reached its block, and left the
            // outbox's in-flight calls, before they were looked at: a state read after that look holds it
            return lookupIn(me, patient, policy.snapshot(patient));
        }
        return found;
    }

    /** What {@code snapshot} says, with a request of this doctor that is on its way to the ledger counted as waiting. */
    private PatientLookup lookupIn(Caller me, Address patient, AccessPolicy.Snapshot snapshot) {
        Map<RecordCategory, AccessBasis> bases = snapshot.bases(me.address());
        if (!bases.isEmpty()) {
            boolean emergencyOnly = bases.values().stream().allMatch(b -> b.kind() == AccessBasis.Kind.EMERGENCY);
            long until = bases.values().stream().mapToLong(AccessBasis::endMillis).max().orElse(snapshot.nowMillis());
            return new PatientLookup(patient, true, emergencyOnly ? PatientLookup.AccessState.EMERGENCY : PatientLookup.AccessState.GRANTED,
                    Set.copyOf(bases.keySet()), Instant.ofEpochMilli(until), null);
        }
        Optional<RequestId> pending = ConsentQueries.requestsOf(snapshot.state(), patient, snapshot.nowMillis()).stream()
                .filter(r -> r.status() == RequestStatus.PENDING && r.request().doctor().equals(me.address()))
                .map(r -> new RequestId(r.request().id())).findFirst();
        boolean waiting = pending.isPresent() || requestInFlight(me, patient);
        return new PatientLookup(patient, true, waiting ? PatientLookup.AccessState.REQUEST_PENDING : PatientLookup.AccessState.NO_ACCESS,
                Set.of(), null, pending.orElse(null));
    }

    /**
     * Asks the patient for access. The note, if any, is sealed off chain under the patient's key.
     *
     * @throws InvalidInputException        for a missing purpose, no category, a duration out of range or too long a note
     * @throws NotFoundException            if no active patient has this address
     * @throws OperationNotAllowedException if a request of this doctor is already waiting for the patient,
     *                                      or the ledger would refuse it ({@link org.careledger.outbox.LedgerRefusedException})
     */
    public LedgerReceipt requestAccess(Address patient, Purpose purpose, Set<RecordCategory> categories, Duration duration, String note) {
        Caller me = callers.require();
        Map<String, String> errors = new LinkedHashMap<>();
        if (purpose == null) {
            errors.put("purpose", "Say why you need access");
        }
        if (categories == null || categories.isEmpty()) {
            errors.put("categories", "Choose at least one kind of record");
        }
        ConsentLimits.checkDuration(duration, errors);
        String cleanNote = ConsentLimits.clean(note);
        if (cleanNote.length() > ConsentLimits.MAX_NOTE) {
            errors.put("note", "At most " + ConsentLimits.MAX_NOTE + " characters");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        UserProfile patientAccount = requirePatient(patient);
        if (lookup(me, patient).state() == PatientLookup.AccessState.REQUEST_PENDING) {
            throw new OperationNotAllowedException("Your earlier request is still waiting for the patient's decision");
        }
        QueuedCall call = transactions.execute(s -> {
            Hash noteHash = cleanNote.isEmpty() ? null : Hash.wrap(vault.sealText(patientAccount.id(), "request-note", cleanNote).bytes());
            QueuedCall queued = outbox.queue(RecordCalls.REQUEST, me.signer(), patient.toString(), null,
                    ConsentCalls.request(patient, purpose, categories, duration.toMillis(), noteHash));
            events.publishEvent(new AccessRequested(patientAccount.id(), me.id(), categories, purpose, duration));
            return queued;
        });
        return outbox.receipt(call);
    }

    /** Declares a break-glass access; waits until it is in a block, since the doctor needs it now. */
    public LedgerReceipt declareEmergency(Address patient, String reason) {
        Caller me = callers.require();
        String text = ConsentLimits.clean(reason);
        if (text.length() < ConsentLimits.MIN_EMERGENCY_REASON) {
            throw InvalidInputException.of("reason", "Write why this is an emergency (at least " + ConsentLimits.MIN_EMERGENCY_REASON
                    + " characters)");
        }
        if (text.length() > ConsentLimits.MAX_NOTE) {
            throw InvalidInputException.of("reason", "At most " + ConsentLimits.MAX_NOTE + " characters");
        }
        UserProfile patientAccount = requirePatient(patient);
        QueuedCall call = transactions.execute(s -> {
            Hash reasonHash = Hash.wrap(vault.sealText(patientAccount.id(), "emergency-reason", text).bytes());
            QueuedCall queued = outbox.queue(RecordCalls.EMERGENCY, me.signer(), patient.toString(), null,
                    ConsentCalls.emergency(patient, reasonHash));
            events.publishEvent(new EmergencyDeclared(patientAccount.id(), me.id()));
            return queued;
        });
        securityAudit.emergencyAccessDeclared(me.profile(), patientAccount);
        // the doctor reads at once: wait for the block, sending the call now if another thread was sending
        return outbox.awaitCommitted(call, Duration.ofSeconds(20));
    }

    /** The patients whose grants to the signed-in doctor are in force now, soonest ending first. */
    public List<GrantView> myPatients() {
        Caller me = callers.require();
        Party self = parties.of(me.profile());
        List<GrantView> out = new ArrayList<>();
        // every patient's profile, the revocations in flight and the committed state, each read once for the list
        List<UserProfile> patients = directory.activeProfilesWithRole(Role.PATIENT).stream().filter(p -> p.ledgerAddress() != null).toList();
        Map<Address, AccessPolicy.Snapshot> snapshots = policy.snapshots(patients.stream().map(UserProfile::ledgerAddress).toList());
        for (UserProfile patient : patients) {
            AccessPolicy.Snapshot snapshot = snapshots.get(patient.ledgerAddress());
            for (Grant g : ConsentQueries.grantsOf(snapshot.state(), patient.ledgerAddress())) {
                if (g.doctor().equals(me.address()) && g.activeAt(snapshot.nowMillis()) && !snapshot.revoking().contains(g.id())) {
                    out.add(views.grant(g, parties.of(patient), self, snapshot.nowMillis()));
                }
            }
        }
        out.sort(Comparator.comparing(GrantView::end));
        return out;
    }

    /**
     * The signed-in doctor's own reads of the patient's record as the ledger's audit holds them, newest
     * first; never anyone else's. One scan of the patient's audit in the committed state, each basis's
     * purpose looked up once; an entry is named only by its category ("an allergy entry"), as the
     * doctor's access may no longer open it. Reads still on their way to the ledger are not among them.
     */
    public List<AccessEventView> myReadsOf(Address patient) {
        Caller me = callers.require();
        ContractState state = policy.snapshot(patient).state();
        Party self = parties.of(me.profile());
        Map<Hash, Optional<Purpose>> purposes = new HashMap<>();
        List<AccessEventView> out = new ArrayList<>();
        for (AccessEvent e : ConsentQueries.accessEventsOf(state, patient)) {
            if (!e.reader().equals(me.address())) {
                continue;
            }
            Purpose purpose = purposes.computeIfAbsent(e.basisId(), id -> ConsentQueries.basis(state.view(), patient, id)
                    .flatMap(AccessBasis::purpose)).orElse(null);
            out.add(new AccessEventView(Instant.ofEpochMilli(e.atMillis()), self, new EntryId(e.entryId()),
                    article(RecordLabels.category(e.category())) + " entry", e.category(), AccessEventView.basisLabel(e.basisKind()),
                    e.basisId(), purpose, Instant.ofEpochMilli(e.recordedAt()), e.txId()));
        }
        out.sort(Comparator.comparing(AccessEventView::readAt).reversed());
        return out;
    }

    private static String article(String label) {
        return ("aeiou".indexOf(label.charAt(0)) >= 0 ? "an " : "a ") + label;
    }

    /** The proof bundle of a consent transaction about the signed-in doctor; empty while it is pending. */
    public Optional<ProofDownload> proofOf(Hash txId) {
        return proofs.proofOf(callers.require(), txId);
    }

    /**
     * Where a call the signed-in doctor made through the portal stands now, so a view can follow a
     * receipt from "pending" to "committed in block N". Unknown transactions give the receipt back as it was.
     */
    public LedgerReceipt refresh(LedgerReceipt receipt) {
        if (receipt == null || receipt.txId() == null) {
            return receipt;
        }
        Caller me = callers.require();
        return outbox.byTransaction(receipt.txId()).filter(c -> c.signer().equals(me.signer())).map(QueuedCall::receipt).orElse(receipt);
    }

    private UserProfile requirePatient(Address patient) {
        return parties.activePatient(patient).orElseThrow(() -> new NotFoundException("No registered patient has the address " + patient));
    }

    private boolean requestInFlight(Caller me, Address patient) {
        return outbox.inFlight(RecordCalls.REQUEST, patient.toString()).stream().anyMatch(c -> c.signer().equals(me.signer()));
    }
}

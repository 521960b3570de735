package org.careledger.records;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;

import org.careledger.common.NotFoundException;
import org.careledger.contracts.AccessBasis;
import org.careledger.contracts.Anchor;
import org.careledger.contracts.Audit;
import org.careledger.contracts.RecordCategory;
import org.careledger.crypto.Address;
import org.careledger.identity.AppRoles;
import org.careledger.identity.UserProfile;
import org.careledger.node.LedgerService;
import org.careledger.outbox.LedgerOutbox;
import org.careledger.records.internal.StoredEntry;
import org.careledger.records.internal.StoredEntryRepository;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A patient's record as a doctor reads and writes it: only the categories an active grant or
 * emergency opens for the doctor ({@link AccessPolicy}), every read queued durably on the ledger's
 * audit before the data leaves this service, and every entry the doctor writes pending the
 * patient's approval. Every read re-hashes the entry and checks it against its anchor.
 */
@Service
@RolesAllowed(AppRoles.DOCTOR)
public class DoctorRecords {

    private final StoredEntryRepository entries;
    private final EntryStore store;
    private final EntryViews views;
    private final LedgerOutbox outbox;
    private final AccessPolicy policy;
    private final LedgerService ledger;
    private final Parties parties;
    private final Caller.Callers callers;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    DoctorRecords(StoredEntryRepository entries, EntryStore store, EntryViews views, LedgerOutbox outbox, AccessPolicy policy,
                  LedgerService ledger, Parties parties, Caller.Callers callers, ApplicationEventPublisher events,
                  TransactionTemplate transactions, Clock clock) {
        this.entries = entries;
        this.store = store;
        this.views = views;
        this.outbox = outbox;
        this.policy = policy;
        this.ledger = ledger;
        this.parties = parties;
        this.callers = callers;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * The categories of the patient's record that the signed-in doctor's access opens now. Each entry
     * shown is first recorded, durably, as a read on the ledger's audit.
     *
     * @throws ConsentRequiredException if no grant or emergency access opens any category
     */
    public PatientRecordView readRecord(Address patient) {
        Caller me = callers.require();
        UserProfile patientAccount = requirePatient(patient);
        AccessPolicy.Snapshot snapshot = policy.snapshot(patient);
        Map<RecordCategory, AccessBasis> bases = snapshot.bases(me.address());
        if (bases.isEmpty()) {
            throw new ConsentRequiredException("You have no active consent to see this patient's record. "
                    + "Ask the patient for access, or declare an emergency.");
        }
        Map<String, Anchor> anchors = EntryViews.anchorsOf(snapshot.state(), patient);
        List<StoredEntry> covered = entries.findByPatientAddressAndStatusInOrderByClinicalDateDescCreatedAtDescEntryIdAsc(patient.toString(), EntryStore.IN_RECORD)
                .stream().filter(e -> bases.containsKey(e.getCategory())).toList();
        List<RecordEntryView> shown = views.views(covered, anchors, e -> true);
        List<StoredEntry> read = new ArrayList<>();
        for (int i = 0; i < covered.size(); i++) {
            if (shown.get(i).content() != null) {
                read.add(covered.get(i));
            }
        }
        audit(me, patientAccount, read, bases, snapshot.nowMillis());
        Map<RecordCategory, java.time.Instant> until = new EnumMap<>(RecordCategory.class);
        bases.forEach((c, b) -> until.put(c, java.time.Instant.ofEpochMilli(b.endMillis())));
        Set<RecordCategory> hidden = EnumSet.allOf(RecordCategory.class);
        hidden.removeAll(bases.keySet());
        boolean emergency = bases.values().stream().anyMatch(b -> b.kind() == AccessBasis.Kind.EMERGENCY);
        return new PatientRecordView(parties.of(patientAccount), shown, until, hidden, emergency);
    }

    /**
     * One entry of a patient's record, if the signed-in doctor's access opens its category; the read
     * is recorded on the ledger's audit before it is returned.
     */
    public RecordEntryView readEntry(EntryId entryId) {
        Caller me = callers.require();
        StoredEntry entry = store.requireInRecord(entryId);
        Address patient = Address.parse(entry.getPatientAddress());
        AccessPolicy.Snapshot snapshot = policy.snapshot(patient);
        AccessBasis basis = policy.require(snapshot, me.address(), entry.getCategory());
        RecordEntryView v = views.view(entry, EntryViews.anchorsOf(snapshot.state(), patient).get(entry.getEntryId()), true);
        if (v.content() != null) {
            UserProfile patientAccount = parties.account(patient).orElseThrow(() -> new NotFoundException("No entry " + entryId));
            audit(me, patientAccount, List.of(entry), Map.of(entry.getCategory(), basis), snapshot.nowMillis());
        }
        return v;
    }

    /** Writes an entry dated today into the patient's record, pending the patient's approval; see the four-argument form. */
    public RecordEntryView proposeEntry(Address patient, RecordCategory category, EntryContent content) {
        return proposeEntry(patient, category, content, null);
    }

    /**
     * Writes an entry into the patient's record, pending the patient's approval. The doctor's access
     * must cover the entry's category.
     *
     * @param clinicalDate when it happened (onset, start, measurement); null for today
     */
    public RecordEntryView proposeEntry(Address patient, RecordCategory category, EntryContent content, LocalDate clinicalDate) {
        Caller me = callers.require();
        EntryContent checked = EntryRules.check(category, content);
        LocalDate date = EntryRules.clinicalDate(clinicalDate, clock);
        UserProfile patientAccount = requirePatient(patient);
        policy.require(policy.snapshot(patient), me.address(), category);
        EntryId entryId = EntryId.random();
        transactions.executeWithoutResult(s -> {
            store.store(entryId, patientAccount.id(), patient, category, checked, date, me.id(), false, EntryStatus.PENDING_APPROVAL);
            events.publishEvent(new EntryProposed(entryId, patientAccount.id(), me.id(), category));
        });
        outbox.makeDurable();
        return views.view(store.require(entryId), null, true);
    }

    /**
     * The categories the signed-in doctor may write into the patient's record now, as {@link #proposeEntry}
     * decides it: those an active grant or a declared emergency opens.
     *
     * @throws ConsentRequiredException if none is open
     */
    public Set<RecordCategory> writableCategories(Address patient) {
        Caller me = callers.require();
        requirePatient(patient);
        Set<RecordCategory> open = policy.snapshot(patient).bases(me.address()).keySet();
        if (open.isEmpty()) {
            throw new ConsentRequiredException("You have no active consent to write into this patient's record. "
                    + "Ask the patient for access, or declare an emergency.");
        }
        return EnumSet.copyOf(open);
    }

    /**
     * Writes entries the signed-in doctor brought in from a file (FHIR) into the patient's record, each pending
     * the patient's approval and authored by the doctor, exactly as {@link #proposeEntry} writes one (an entry
     * has an author or an import source, never both: here the doctor, who answers for it): the doctor's access
     * must cover every entry's category. An entry equal to one this doctor wrote for the patient that is still
     * the doctor's (waiting for the patient, or rejected: what {@link #myEntriesFor} shows) is left out, so
     * importing the same file twice adds nothing while the patient has not decided. Entries in the record are
     * not compared, not even the doctor's own: they are the patient's, and comparing with them would be a read
     * of the record that no audit records. All or nothing: one entry that breaks a rule of its category, or falls
     * outside the doctor's access, refuses the whole import.
     *
     * @param progress told how many of the new entries are stored so far (for a progress bar)
     * @throws ConsentRequiredException if the doctor's access does not cover an entry's category
     */
    public ImportResult proposeImported(Address patient, List<ImportedEntry> imported, ImportResult.Progress progress) {
        Caller me = callers.require();
        UserProfile patientAccount = requirePatient(patient);
        AccessPolicy.Snapshot snapshot = policy.snapshot(patient);
        imported.stream().map(ImportedEntry::category).distinct().forEach(c -> policy.require(snapshot, me.address(), c));
        List<StoredEntry> stillMine = entries.findByPatientAddressAndAuthorIdOrderByCreatedAtDesc(patient.toString(), me.id().value()).stream()
                .filter(e -> e.getStatus() == EntryStatus.PENDING_APPROVAL || e.getStatus() == EntryStatus.REJECTED).toList();
        ImportedEntries.Fresh fresh = ImportedEntries.fresh(imported, views.views(stillMine, Map.of(), e -> true), clock);
        transactions.executeWithoutResult(s -> {
            int n = 0;
            for (ImportedEntry i : fresh.entries()) {
                EntryId entryId = EntryId.random();
                store.store(entryId, patientAccount.id(), patient, i.category(), i.content(), i.clinicalDate(), me.id(), false,
                        EntryStatus.PENDING_APPROVAL);
                events.publishEvent(new EntryProposed(entryId, patientAccount.id(), me.id(), i.category()));
                progress.stored(++n, fresh.entries().size());
            }
        });
        outbox.makeDurable();
        return new ImportResult(fresh.entries().size(), fresh.alreadyThere());
    }

    /**
     * The entries the signed-in doctor wrote for the patient, with the patient's decision on each; the
     * content only of those not (yet) in the record. Once the patient takes an entry into the record it
     * is the patient's: reading it again, even by its author, needs consent ({@link #readRecord}) and
     * is recorded on the ledger, like every read of the record. Entries someone else wrote, or that the
     * patient imported, are never among them; those the doctor imported from a file are (the doctor wrote them).
     */
    public List<RecordEntryView> myEntriesFor(Address patient) {
        Caller me = callers.require();
        Map<String, Anchor> anchors = EntryViews.anchorsOf(ledger.committedStateForReading(), patient);
        return views.views(entries.findByPatientAddressAndAuthorIdOrderByCreatedAtDesc(patient.toString(), me.id().value()), anchors,
                e -> e.getStatus() == EntryStatus.PENDING_APPROVAL || e.getStatus() == EntryStatus.REJECTED);
    }

    /** The proof bundle of an entry's anchor, if the doctor's access opens its category; empty while it is not mined. */
    public Optional<ProofDownload> proofOf(EntryId entryId) {
        Caller me = callers.require();
        StoredEntry entry = store.requireInRecord(entryId);
        policy.require(policy.snapshot(Address.parse(entry.getPatientAddress())), me.address(), entry.getCategory());
        return store.proof(entry);
    }

    /** Queues one audit call per entry read, durably, before anything is returned. */
    private void audit(Caller me, UserProfile patient, List<StoredEntry> read, Map<RecordCategory, AccessBasis> bases, long now) {
        if (read.isEmpty()) {
            return;
        }
        Address patientAddress = patient.ledgerAddress();
        transactions.executeWithoutResult(s -> {
            for (StoredEntry e : read) {
                outbox.queue(RecordCalls.ACCESS, me.signer(), patientAddress.toString(), e.getEntryId(),
                        Audit.access(patientAddress, e.getEntryId(), e.getCategory(), bases.get(e.getCategory()).id(), now));
            }
            events.publishEvent(new RecordRead(me.id(), patient.id(), read.stream().map(e -> new EntryId(e.getEntryId())).toList(),
                    EnumSet.copyOf(read.stream().map(StoredEntry::getCategory).toList()),
                    read.stream().anyMatch(e -> bases.get(e.getCategory()).kind() == AccessBasis.Kind.EMERGENCY)));
        });
    }

    private UserProfile requirePatient(Address patient) {
        return parties.activePatient(patient).orElseThrow(() -> new NotFoundException("No registered patient has the address " + patient));
    }
}

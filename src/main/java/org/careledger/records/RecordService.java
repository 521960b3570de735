package org.careledger.records;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;

import org.careledger.common.InvalidInputException;
import org.careledger.common.NotFoundException;
import org.careledger.common.OperationNotAllowedException;
import org.careledger.contracts.AccessBasis;
import org.careledger.contracts.Anchor;
import org.careledger.contracts.Anchors;
import org.careledger.contracts.Audit;
import org.careledger.contracts.ConsentQueries;
import org.careledger.contracts.ContractState;
import org.careledger.contracts.RecordCategory;
import org.careledger.crypto.Address;
import org.careledger.crypto.CryptoException;
import org.careledger.identity.AppRoles;
import org.careledger.identity.CurrentUser;
import org.careledger.identity.Role;
import org.careledger.identity.UserDirectory;
import org.careledger.identity.UserId;
import org.careledger.identity.UserProfile;
import org.careledger.inbox.Inbox;
import org.careledger.ledger.Hash;
import org.careledger.node.LedgerService;
import org.careledger.records.internal.OutboxItem;
import org.careledger.records.internal.StoredEntry;
import org.careledger.records.internal.StoredEntryRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A patient's record: entries sealed off chain and anchored on chain. Patients read their whole
 * record, add self-reported entries, approve or reject what doctors write, and ask for erasure.
 * Doctors read and write only the categories an active grant or emergency opens for them
 * ({@link AccessPolicy}), and every read they make is queued durably on the ledger's audit before
 * the data leaves this service. Every read re-hashes the entry and checks it against its anchor.
 */
@Service
public class RecordService {

    private static final Logger log = LoggerFactory.getLogger(RecordService.class);
    private static final Logger security = LoggerFactory.getLogger("careledger.security");
    private static final Set<EntryStatus> IN_RECORD = EnumSet.of(EntryStatus.APPROVED, EntryStatus.ERASED);

    private final StoredEntryRepository entries;
    private final RecordVault vault;
    private final LedgerOutbox outbox;
    private final AccessPolicy policy;
    private final LedgerService ledger;
    private final Parties parties;
    private final CurrentUser currentUser;
    private final UserDirectory directory;
    private final Inbox inbox;
    private final DatabaseCompactor compactor;
    private final TransactionTemplate transactions;
    private final Clock clock;

    RecordService(StoredEntryRepository entries, RecordVault vault, LedgerOutbox outbox, AccessPolicy policy, LedgerService ledger,
                  Parties parties, CurrentUser currentUser, UserDirectory directory, Inbox inbox, DatabaseCompactor compactor,
                  TransactionTemplate transactions, Clock clock) {
        this.entries = entries;
        this.vault = vault;
        this.outbox = outbox;
        this.policy = policy;
        this.ledger = ledger;
        this.parties = parties;
        this.currentUser = currentUser;
        this.directory = directory;
        this.inbox = inbox;
        this.compactor = compactor;
        this.transactions = transactions;
        this.clock = clock;
    }

    // ---- patients ------------------------------------------------------------------------------

    /** The signed-in patient's record: every approved or erased entry, newest first, each checked against its anchor. */
    @RolesAllowed(AppRoles.PATIENT)
    public List<RecordEntryView> myRecord() {
        UserProfile me = currentUser.require();
        Address patient = ConsentService.addressOf(me);
        ContractState state = ledger.committedState();
        Map<String, Anchor> anchors = anchorsOf(state, patient);
        List<RecordEntryView> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (StoredEntry e : entries.findByPatientIdAndStatusInOrderByCreatedAtDescEntryIdAsc(me.id().value(), IN_RECORD)) {
            seen.add(e.getEntryId());
            out.add(view(e, anchors.get(e.getEntryId()), true));
        }
        anchors.values().stream().filter(a -> !seen.contains(a.entryId()))
                .forEach(a -> out.add(missing(a)));
        return out;
    }

    /** Entries doctors wrote for the signed-in patient that wait for the patient's decision. */
    @RolesAllowed(AppRoles.PATIENT)
    public List<RecordEntryView> myPendingEntries() {
        UserProfile me = currentUser.require();
        return entries.findByPatientIdAndStatusInOrderByCreatedAtDescEntryIdAsc(me.id().value(), EnumSet.of(EntryStatus.PENDING_APPROVAL))
                .stream().map(e -> view(e, null, true)).toList();
    }

    /** Adds a self-reported entry to the signed-in patient's record and anchors it. */
    @RolesAllowed(AppRoles.PATIENT)
    public RecordEntryView addSelfReported(RecordCategory category, EntryContent content) {
        UserProfile me = currentUser.require();
        EntryContent checked = EntryRules.check(category, content);
        Address patient = ConsentService.addressOf(me);
        String entryId = newEntryId();
        long itemId = transactions.execute(s -> {
            StoredEntry entry = store(entryId, me.id(), patient, category, checked, me.id(), true, EntryStatus.APPROVED);
            entry.approve(Instant.now(clock));
            return anchor(me.id(), entry).getId();
        });
        outbox.flush(itemId);
        return view(entries.findById(entryId).orElseThrow(), null, true);
    }

    /** Approves an entry a doctor wrote: it joins the record and is anchored with the patient's signature. */
    @RolesAllowed(AppRoles.PATIENT)
    public LedgerReceipt approveEntry(String entryId) {
        UserProfile me = currentUser.require();
        long itemId = transactions.execute(s -> {
            StoredEntry entry = myPending(me, entryId);
            entry.approve(Instant.now(clock));
            notifyAuthor(entry, me.fullName() + " approved your entry", "Your " + RecordLabels.category(entry.getCategory())
                    + " entry is now part of their record.");
            return anchor(me.id(), entry).getId();
        });
        return outbox.flush(itemId);
    }

    /** Rejects an entry a doctor wrote, with a comment the doctor sees; it never joins the record. */
    @RolesAllowed(AppRoles.PATIENT)
    public void rejectEntry(String entryId, String comment) {
        UserProfile me = currentUser.require();
        String text = comment == null ? "" : comment.strip();
        if (text.isEmpty()) {
            throw InvalidInputException.of("comment", "Tell the doctor why you reject the entry");
        }
        if (text.length() > ConsentService.MAX_NOTE) {
            throw InvalidInputException.of("comment", "At most " + ConsentService.MAX_NOTE + " characters");
        }
        transactions.executeWithoutResult(s -> {
            StoredEntry entry = myPending(me, entryId);
            entry.reject(Instant.now(clock), vault.sealComment(me.id(), entry.getEntryId(), "rejection", text));
            notifyAuthor(entry, me.fullName() + " rejected your entry", "Their comment is with the entry in their record.");
        });
    }

    /** Asks the admins to erase one of the signed-in patient's entries. */
    @RolesAllowed(AppRoles.PATIENT)
    public void requestErasure(String entryId, String reason) {
        UserProfile me = currentUser.require();
        String text = reason == null ? "" : reason.strip();
        if (text.length() > ConsentService.MAX_NOTE) {
            throw InvalidInputException.of("reason", "At most " + ConsentService.MAX_NOTE + " characters");
        }
        transactions.executeWithoutResult(s -> {
            StoredEntry entry = entries.findById(entryId == null ? "" : entryId)
                    .filter(e -> e.getPatientId() == me.id().value() && e.getStatus() == EntryStatus.APPROVED)
                    .orElseThrow(() -> new NotFoundException("You have no entry " + entryId + " that can be erased"));
            if (entry.getErasureRequestedAt() != null) {
                throw new OperationNotAllowedException("Erasure of this entry was already requested");
            }
            entry.requestErasure(Instant.now(clock), text.isEmpty() ? null : vault.sealComment(me.id(), entry.getEntryId(), "erasure", text));
            directory.activeUsersWithRole(Role.ADMIN).forEach(admin -> inbox.send(admin, "Erasure requested",
                    me.fullName() + " asks to erase a " + RecordLabels.category(entry.getCategory()) + " entry.", "admin/erasures"));
        });
    }

    // ---- doctors -------------------------------------------------------------------------------

    /**
     * The categories of the patient's record that the signed-in doctor's access opens now. Each entry
     * shown is first recorded, durably, as a read on the ledger's audit.
     *
     * @throws ConsentRequiredException if no grant or emergency access opens any category
     */
    @RolesAllowed(AppRoles.DOCTOR)
    public PatientRecordView readRecord(Address patient) {
        UserProfile me = currentUser.require();
        Address doctor = ConsentService.addressOf(me);
        UserProfile patientAccount = parties.activePatient(patient)
                .orElseThrow(() -> new NotFoundException("No registered patient has the address " + patient));
        AccessPolicy.Snapshot snapshot = policy.snapshot(patient);
        ContractState state = snapshot.state();
        long now = snapshot.nowMillis();
        Map<RecordCategory, AccessBasis> bases = policy.bases(snapshot, doctor);
        if (bases.isEmpty()) {
            throw new ConsentRequiredException("You have no active consent to see this patient's record. "
                    + "Ask the patient for access, or declare an emergency.");
        }
        Map<String, Anchor> anchors = anchorsOf(state, patient);
        List<RecordEntryView> shown = new ArrayList<>();
        List<StoredEntry> read = new ArrayList<>();
        for (StoredEntry e : entries.findByPatientAddressAndStatusInOrderByCreatedAtDescEntryIdAsc(patient.toString(), IN_RECORD)) {
            if (bases.containsKey(e.getCategory())) {
                RecordEntryView v = view(e, anchors.get(e.getEntryId()), true);
                shown.add(v);
                if (v.content() != null) {
                    read.add(e);
                }
            }
        }
        audit(me.id(), patient, read, bases, now);
        Map<RecordCategory, Instant> until = new EnumMap<>(RecordCategory.class);
        bases.forEach((c, b) -> until.put(c, Instant.ofEpochMilli(b.endMillis())));
        Set<RecordCategory> hidden = EnumSet.allOf(RecordCategory.class);
        hidden.removeAll(bases.keySet());
        boolean emergency = bases.values().stream().anyMatch(b -> b.kind() == AccessBasis.Kind.EMERGENCY);
        return new PatientRecordView(parties.of(patientAccount), shown, until, hidden, emergency);
    }

    /**
     * One entry of a patient's record, if the signed-in doctor's access opens its category; the read
     * is recorded on the ledger's audit before it is returned.
     */
    @RolesAllowed(AppRoles.DOCTOR)
    public RecordEntryView readEntry(String entryId) {
        UserProfile me = currentUser.require();
        Address doctor = ConsentService.addressOf(me);
        StoredEntry entry = entries.findById(entryId == null ? "" : entryId).filter(e -> IN_RECORD.contains(e.getStatus()))
                .orElseThrow(() -> new NotFoundException("No entry " + entryId));
        Address patient = Address.parse(entry.getPatientAddress());
        AccessPolicy.Snapshot snapshot = policy.snapshot(patient);
        ContractState state = snapshot.state();
        long now = snapshot.nowMillis();
        AccessBasis basis = policy.require(snapshot, doctor, entry.getCategory());
        RecordEntryView v = view(entry, anchorsOf(state, patient).get(entry.getEntryId()), true);
        if (v.content() != null) {
            audit(me.id(), patient, List.of(entry), Map.of(entry.getCategory(), basis), now);
        }
        return v;
    }

    /**
     * Writes an entry into the patient's record, pending the patient's approval. The doctor's access
     * must cover the entry's category.
     */
    @RolesAllowed(AppRoles.DOCTOR)
    public RecordEntryView proposeEntry(Address patient, RecordCategory category, EntryContent content) {
        UserProfile me = currentUser.require();
        EntryContent checked = EntryRules.check(category, content);
        UserProfile patientAccount = parties.activePatient(patient)
                .orElseThrow(() -> new NotFoundException("No registered patient has the address " + patient));
        policy.require(policy.snapshot(patient), ConsentService.addressOf(me), category);
        String entryId = newEntryId();
        transactions.executeWithoutResult(s -> {
            store(entryId, patientAccount.id(), patient, category, checked, me.id(), false, EntryStatus.PENDING_APPROVAL);
            inbox.send(patientAccount.id(), "New entry for your record", parties.of(me).describe() + " added a "
                    + RecordLabels.category(category) + " entry to your record. Approve or reject it.", "patient/record");
        });
        outbox.makeDurable();
        return view(entries.findById(entryId).orElseThrow(), null, true);
    }

    /**
     * The entries the signed-in doctor wrote for the patient, with the patient's decision on each; the
     * content only of those not (yet) in the record.
     */
    @RolesAllowed(AppRoles.DOCTOR)
    public List<RecordEntryView> myEntriesFor(Address patient) {
        UserProfile me = currentUser.require();
        Map<String, Anchor> anchors = anchorsOf(ledger.committedState(), patient);
        // the content of a draft the patient has not taken into the record is the doctor's own; once it is
        // part of the record, reading it again needs consent (readRecord) and is audited
        return entries.findByPatientAddressAndAuthorIdOrderByCreatedAtDesc(patient.toString(), me.id().value()).stream()
                .map(e -> view(e, anchors.get(e.getEntryId()), e.getStatus() == EntryStatus.PENDING_APPROVAL
                        || e.getStatus() == EntryStatus.REJECTED)).toList();
    }

    /**
     * The proof bundle of an entry's anchor, for its patient, or for a doctor whose access opens the
     * entry's category. Empty while the anchor is not yet in a block.
     */
    @RolesAllowed({AppRoles.PATIENT, AppRoles.DOCTOR})
    public Optional<ProofDownload> proofOf(String entryId) {
        UserProfile me = currentUser.require();
        StoredEntry entry = entries.findById(entryId == null ? "" : entryId).filter(e -> IN_RECORD.contains(e.getStatus()))
                .orElseThrow(() -> new NotFoundException("No entry " + entryId));
        Address patient = Address.parse(entry.getPatientAddress());
        if (me.role() == Role.PATIENT) {
            if (entry.getPatientId() != me.id().value()) {
                throw new NotFoundException("No entry " + entryId);
            }
        } else {
            policy.require(policy.snapshot(patient), ConsentService.addressOf(me), entry.getCategory());
        }
        Anchor anchor = anchorsOf(ledger.committedState(), patient).get(entry.getEntryId());
        if (anchor == null) {
            return Optional.empty();
        }
        return ledger.proofOf(anchor.txId(), org.careledger.contracts.ProofSubjects.anchor(anchor))
                .map(b -> ProofDownload.of("careledger-proof-entry-" + entry.getEntryId() + ".json", b.toJson()));
    }

    // ---- admins --------------------------------------------------------------------------------

    @RolesAllowed(AppRoles.ADMIN)
    public List<ErasureRequestView> pendingErasures() {
        return entries.findByErasureRequestedAtIsNotNullAndStatusOrderByErasureRequestedAtAsc(EntryStatus.APPROVED).stream()
                .map(e -> {
                    UserId patient = new UserId(e.getPatientId());
                    String reason = e.getErasureReason() == null ? null
                            : vault.openComment(patient, e.getEntryId(), "erasure", e.getErasureReason());
                    return new ErasureRequestView(e.getEntryId(), parties.of(patient), e.getCategory(), e.getCreatedAt(),
                            e.getErasureRequestedAt(), reason);
                }).toList();
    }

    /**
     * Erases an entry whose patient asked for it: its key, salt and content are deleted and the
     * database file is compacted so the bytes are gone from disk. The anchor stays on chain.
     */
    @RolesAllowed(AppRoles.ADMIN)
    public void confirmErasure(String entryId) {
        UserProfile me = currentUser.require();
        transactions.executeWithoutResult(s -> {
            StoredEntry entry = erasable(entryId);
            entry.erase(Instant.now(clock), me.id().value());
            inbox.send(new UserId(entry.getPatientId()), "Entry erased", "Your " + RecordLabels.category(entry.getCategory())
                    + " entry was erased. Its fingerprint stays on the ledger; its content is gone.", "patient/record");
        });
        security.info("Entry {} erased by admin {}", entryId, me.username());
        compactor.compact();
    }

    @RolesAllowed(AppRoles.ADMIN)
    public void declineErasure(String entryId, String comment) {
        UserProfile me = currentUser.require();
        String text = comment == null ? "" : comment.strip();
        if (text.isEmpty()) {
            throw InvalidInputException.of("comment", "Tell the patient why the entry is kept");
        }
        if (text.length() > ConsentService.MAX_NOTE) {
            throw InvalidInputException.of("comment", "At most " + ConsentService.MAX_NOTE + " characters");
        }
        security.info("Erasure of entry {} declined by admin {}", entryId, me.username());
        transactions.executeWithoutResult(s -> {
            StoredEntry entry = erasable(entryId);
            entry.declineErasure(vault.sealComment(new UserId(entry.getPatientId()), entry.getEntryId(), "erasure-declined", text));
            inbox.send(new UserId(entry.getPatientId()), "Erasure declined", "An admin kept your "
                    + RecordLabels.category(entry.getCategory()) + " entry; you may ask for it again.", "patient/record");
        });
    }

    // ---- shared --------------------------------------------------------------------------------

    private StoredEntry erasable(String entryId) {
        StoredEntry entry = entries.findById(entryId == null ? "" : entryId)
                .orElseThrow(() -> new NotFoundException("No entry " + entryId));
        if (entry.getErasureRequestedAt() == null || entry.getStatus() != EntryStatus.APPROVED) {
            throw new OperationNotAllowedException("Nobody asked to erase this entry");
        }
        return entry;
    }

    private StoredEntry store(String entryId, UserId patient, Address patientAddress, RecordCategory category, EntryContent content,
                              UserId author, boolean selfReported, EntryStatus status) {
        RecordVault.SealedEntry sealed = vault.seal(patient, entryId, 1, patientAddress.toString(), category, content);
        return entries.save(new StoredEntry(entryId, patient.value(), patientAddress.toString(), category, 1, status, author.value(),
                selfReported, Instant.now(clock), sealed.wrappedKey(), sealed.sealed(), sealed.saltedHash().hex()));
    }

    private OutboxItem anchor(UserId patient, StoredEntry entry) {
        return outbox.enqueue(patient, OutboxItem.Kind.ANCHOR, entry.getEntryId(), entry.getPatientAddress(),
                Anchors.anchor(Address.parse(entry.getPatientAddress()), entry.getEntryId(), entry.getVersion(), entry.getCategory(),
                        Hash.fromHex(entry.getSaltedHash())));
    }

    private void audit(UserId reader, Address patient, List<StoredEntry> read, Map<RecordCategory, AccessBasis> bases, long now) {
        if (read.isEmpty()) {
            return;
        }
        List<Long> ids = transactions.execute(s -> read.stream().map(e -> outbox.enqueue(reader, OutboxItem.Kind.ACCESS, e.getEntryId(),
                patient.toString(), Audit.access(patient, e.getEntryId(), e.getCategory(), bases.get(e.getCategory()).id(), now)).getId())
                .toList());
        outbox.flush(ids);
    }

    private StoredEntry myPending(UserProfile me, String entryId) {
        StoredEntry entry = entries.findById(entryId == null ? "" : entryId)
                .filter(e -> e.getPatientId() == me.id().value())
                .orElseThrow(() -> new NotFoundException("You have no entry " + entryId));
        if (entry.getStatus() != EntryStatus.PENDING_APPROVAL) {
            throw new OperationNotAllowedException("This entry was already " + entry.getStatus().name().toLowerCase().replace('_', ' '));
        }
        if (entry.getAuthorId() == me.id().value()) {
            throw new OperationNotAllowedException("You cannot approve an entry you wrote yourself");
        }
        return entry;
    }

    private void notifyAuthor(StoredEntry entry, String title, String body) {
        inbox.send(new UserId(entry.getAuthorId()), title, body, "doctor/patients");
    }

    private RecordEntryView view(StoredEntry e, Anchor anchor, boolean withContent) {
        UserId patient = new UserId(e.getPatientId());
        Party author = parties.of(new UserId(e.getAuthorId()));
        Integrity integrity;
        EntryContent content = null;
        if (e.getStatus() == EntryStatus.ERASED) {
            integrity = Integrity.ERASED;
        } else if (e.getSealed() == null || e.getWrappedEntryKey() == null) {
            integrity = Integrity.PAYLOAD_MISSING;
        } else {
            try {
                RecordVault.OpenedEntry opened = vault.open(patient, e.getEntryId(), e.getVersion(), e.getPatientAddress(), e.getCategory(),
                        e.getWrappedEntryKey(), e.getSealed());
                boolean matchesStored = opened.recomputed().hex().equals(e.getSaltedHash());
                if (e.getStatus() != EntryStatus.APPROVED) {
                    integrity = matchesStored ? Integrity.NOT_ANCHORED : Integrity.MISMATCH;
                } else if (anchor == null) {
                    integrity = matchesStored ? Integrity.AWAITING_ANCHOR : Integrity.MISMATCH;
                } else {
                    integrity = matchesStored && anchor.saltedHash().hex().equals(opened.recomputed().hex())
                            && anchor.version() == e.getVersion() && anchor.category() == e.getCategory()
                            ? Integrity.VERIFIED : Integrity.MISMATCH;
                }
                if (integrity != Integrity.MISMATCH && withContent) {
                    content = opened.content();
                }
            } catch (CryptoException | IllegalStateException ex) {
                integrity = Integrity.MISMATCH;
            }
        }
        if (integrity == Integrity.MISMATCH) {
            security.warn("Record entry {} of patient {} does not match its anchor: content withheld", e.getEntryId(), e.getPatientAddress());
        }
        String rejection = e.getRejectionComment() == null ? null
                : vault.openComment(patient, e.getEntryId(), "rejection", e.getRejectionComment());
        Optional<LedgerReceipt> anchoring = outbox.latest(e.getEntryId(), OutboxItem.Kind.ANCHOR);
        String anchorTx = anchor != null ? anchor.txId().hex() : anchoring.map(LedgerReceipt::txId).orElse(null);
        Long block = anchoring.map(LedgerReceipt::blockHeight).orElse(null);
        return new RecordEntryView(e.getEntryId(), e.getPatientAddress(), e.getCategory(), e.getVersion(), e.getStatus(), integrity,
                content, author.name(), author.role(), e.isSelfReported(), e.getCreatedAt(), e.getDecidedAt(), rejection, anchorTx, block,
                e.getErasureRequestedAt(), e.getErasedAt());
    }

    private RecordEntryView missing(Anchor a) {
        log.warn("Entry {} of {} is anchored on chain but has no content in this portal", a.entryId(), a.patient());
        return new RecordEntryView(a.entryId(), a.patient().toString(), a.category(), a.version(), EntryStatus.APPROVED,
                Integrity.PAYLOAD_MISSING, null, null, null, false, Instant.ofEpochMilli(a.anchoredAt()), null, null, a.txId().hex(),
                null, null, null);
    }

    private static Map<String, Anchor> anchorsOf(ContractState state, Address patient) {
        Map<String, Anchor> out = new java.util.HashMap<>();
        for (Anchor a : ConsentQueries.anchorsOf(state, patient)) {
            out.merge(a.entryId(), a, (x, y) -> x.version() >= y.version() ? x : y);
        }
        return out;
    }

    private static String newEntryId() {
        return UUID.randomUUID().toString();
    }

    /**
     * Adds an entry that a doctor wrote and the patient already approved (the demo's imported history):
     * stored sealed, then anchored with the patient's own signature, as an approval would.
     */
    void importApproved(UserProfile patient, RecordCategory category, EntryContent content, UserId author) {
        EntryContent checked = EntryRules.check(category, content);
        Address address = ConsentService.addressOf(patient);
        long itemId = transactions.execute(s -> {
            StoredEntry entry = store(newEntryId(), patient.id(), address, category, checked, author, false, EntryStatus.APPROVED);
            entry.approve(Instant.now(clock));
            return anchor(patient.id(), entry).getId();
        });
        outbox.flush(itemId);
    }
}

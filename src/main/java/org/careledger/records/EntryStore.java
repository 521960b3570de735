package org.careledger.records;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.careledger.common.NotFoundException;
import org.careledger.contracts.Anchor;
import org.careledger.contracts.Anchors;
import org.careledger.contracts.ProofSubjects;
import org.careledger.contracts.RecordCategory;
import org.careledger.crypto.Address;
import org.careledger.identity.UserId;
import org.careledger.identity.UserProfile;
import org.careledger.ledger.Hash;
import org.careledger.node.LedgerService;
import org.careledger.outbox.LedgerOutbox;
import org.careledger.outbox.QueuedCall;
import org.careledger.outbox.Signer;
import org.careledger.records.internal.StoredEntry;
import org.careledger.records.internal.StoredEntryRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Entries as they are kept: sealed with their own key and stored, anchored by the patient's
 * signature through the outbox once they join the record, found by id, and proved from their anchor.
 */
@Component
class EntryStore {

    /** The statuses of entries that are part of a record (an erased one keeps its place, without content). */
    static final Set<EntryStatus> IN_RECORD = EnumSet.of(EntryStatus.APPROVED, EntryStatus.ERASED);

    private final StoredEntryRepository entries;
    private final RecordVault vault;
    private final LedgerOutbox outbox;
    private final LedgerService ledger;
    private final TransactionTemplate transactions;
    private final Clock clock;

    EntryStore(StoredEntryRepository entries, RecordVault vault, LedgerOutbox outbox, LedgerService ledger,
               TransactionTemplate transactions, Clock clock) {
        this.entries = entries;
        this.transactions = transactions;
        this.vault = vault;
        this.outbox = outbox;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** Seals and stores a new entry (version 1) that {@code author} wrote, in the caller's transaction. */
    StoredEntry store(EntryId entryId, UserId patient, Address patientAddress, RecordCategory category, EntryContent content,
                      LocalDate clinicalDate, UserId author, boolean selfReported, EntryStatus status) {
        return save(entryId, patient, patientAddress, category, content, clinicalDate, author.value(), null, selfReported, status);
    }

    private StoredEntry save(EntryId entryId, UserId patient, Address patientAddress, RecordCategory category, EntryContent content,
                             LocalDate clinicalDate, Long author, String importedFrom, boolean selfReported, EntryStatus status) {
        RecordVault.SealedEntry sealed = vault.seal(patient, entryId.value(), 1, patientAddress.toString(), category, content);
        return entries.save(new StoredEntry(entryId.value(), patient.value(), patientAddress.toString(), category, 1, status, author,
                importedFrom, selfReported, clinicalDate, Instant.now(clock), sealed.wrappedKey(), sealed.sealed(),
                sealed.saltedHash().hex()));
    }

    /** Seals and stores an entry imported from {@code source}, with no author here, in the caller's transaction. */
    StoredEntry storeImported(EntryId entryId, UserId patient, Address patientAddress, RecordCategory category, EntryContent content,
                              LocalDate clinicalDate, String source, EntryStatus status) {
        return save(entryId, patient, patientAddress, category, content, clinicalDate, null, source, false, status);
    }

    /** Queues the anchor of the entry's current version, signed by its patient, in the caller's transaction. */
    QueuedCall anchor(StoredEntry entry) {
        Address patient = Address.parse(entry.getPatientAddress());
        return outbox.queue(RecordCalls.ANCHOR, Signer.user(new UserId(entry.getPatientId())), entry.getPatientAddress(),
                entry.getEntryId(), Anchors.anchor(patient, entry.getEntryId(), entry.getVersion(), entry.getCategory(),
                        Hash.fromHex(entry.getSaltedHash())));
    }

    /**
     * Adds an entry of the patient's history imported from {@code source} (the demo's Synthea data),
     * as part of the record: stored sealed with no author and its own clinical date, then anchored with
     * the patient's own signature, as an approval would. Not a service method: only the demo seeder,
     * which acts for each user itself, calls it.
     */
    void importApproved(UserProfile patient, RecordCategory category, EntryContent content, LocalDate clinicalDate, String source) {
        EntryContent checked = EntryRules.check(category, content);
        transactions.executeWithoutResult(s -> {
            StoredEntry entry = save(EntryId.random(), patient.id(), patient.ledgerAddress(), category, checked, clinicalDate, null,
                    source, false, EntryStatus.APPROVED);
            entry.approve(Instant.now(clock));
            anchor(entry);
        });
    }

    StoredEntry require(EntryId id) {
        return entries.findById(id.value()).orElseThrow(() -> new NotFoundException("No entry " + id));
    }

    /** An entry that is part of some record (approved or erased). */
    StoredEntry requireInRecord(EntryId id) {
        return entries.findById(id.value()).filter(e -> IN_RECORD.contains(e.getStatus()))
                .orElseThrow(() -> new NotFoundException("No entry " + id));
    }

    /** The proof bundle of the entry's anchor; empty while the anchor is not in a block. */
    Optional<ProofDownload> proof(StoredEntry entry) {
        Anchor anchor = EntryViews.anchorsOf(ledger.committedStateForReading(), Address.parse(entry.getPatientAddress())).get(entry.getEntryId());
        if (anchor == null) {
            return Optional.empty();
        }
        return ledger.proofOf(anchor.txId(), ProofSubjects.anchor(anchor))
                .map(b -> ProofDownload.of("careledger-proof-entry-" + entry.getEntryId() + ".json", b.toJson()));
    }
}

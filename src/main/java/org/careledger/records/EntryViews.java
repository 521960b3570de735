package org.careledger.records;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

import org.careledger.contracts.Anchor;
import org.careledger.contracts.ConsentQueries;
import org.careledger.contracts.ContractState;
import org.careledger.contracts.Prescription;
import org.careledger.contracts.PrescriptionQueries;
import org.careledger.contracts.RecordCategory;
import org.careledger.crypto.Address;
import org.careledger.crypto.CryptoException;
import org.careledger.identity.UserId;
import org.careledger.ledger.Hash;
import org.careledger.node.LedgerService;
import org.careledger.outbox.OutboxReceipts;
import org.careledger.outbox.LedgerReceipt;
import org.careledger.records.internal.StoredEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Turns stored entries into what a reader sees, checking each against its anchor on every read:
 * the entry is decrypted, re-hashed and compared with the stored hash and the anchored one. A
 * mismatch withholds the content and is logged to {@code careledger.security}. A prescription's
 * entry is anchored by its prescription, whose content hash is on chain instead of a patient's anchor.
 */
@Component
class EntryViews {

    private static final Logger log = LoggerFactory.getLogger(EntryViews.class);
    private static final Logger security = LoggerFactory.getLogger("careledger.security");

    private final RecordVault vault;
    private final Parties parties;
    private final OutboxReceipts outbox;
    private final LedgerService ledger;

    EntryViews(RecordVault vault, Parties parties, OutboxReceipts outbox, LedgerService ledger) {
        this.vault = vault;
        this.parties = parties;
        this.outbox = outbox;
        this.ledger = ledger;
    }

    /** Each entry's anchor of the highest version on chain, by entry id. */
    static Map<String, Anchor> anchorsOf(ContractState state, Address patient) {
        Map<String, Anchor> out = new HashMap<>();
        for (Anchor a : ConsentQueries.anchorsOf(state, patient)) {
            out.merge(a.entryId(), a, (x, y) -> x.version() >= y.version() ? x : y);
        }
        return out;
    }

    /** Whether its patient may ask for the entry to be erased: part of the record, and not asked already. */
    static boolean erasureRequestable(StoredEntry e) {
        return e.getStatus() == EntryStatus.APPROVED && e.getErasureRequestedAt() == null;
    }

    RecordEntryView view(StoredEntry e, Anchor anchor, boolean withContent) {
        try (RecordVault.Opening opening = vault.opening(new UserId(e.getPatientId()))) {
            return view(e, anchor, withContent, outbox.latest(RecordCalls.ANCHOR, e.getEntryId()), parties::of, opening);
        }
    }

    /**
     * The views of a list of entries, in its order, with what they share read once: the anchoring
     * receipts in one query, each author's name once however many entries they wrote, and each
     * patient's key once (a view each would ask three queries or more an entry).
     *
     * @param withContent whether an entry's content is opened for its view
     */
    List<RecordEntryView> views(List<StoredEntry> entries, Map<String, Anchor> anchors, Predicate<StoredEntry> withContent) {
        Map<String, LedgerReceipt> anchorings = outbox.latestOfEach(RecordCalls.ANCHOR, entries.stream().map(StoredEntry::getEntryId).toList());
        Map<UserId, Party> authors = new HashMap<>();
        Function<UserId, Party> author = id -> authors.computeIfAbsent(id, parties::of);
        Map<UserId, RecordVault.Opening> openings = new HashMap<>();
        try {
            List<RecordEntryView> out = new ArrayList<>(entries.size());
            for (StoredEntry e : entries) {
                RecordVault.Opening opening = openings.computeIfAbsent(new UserId(e.getPatientId()), vault::opening);
                out.add(view(e, anchors.get(e.getEntryId()), withContent.test(e), Optional.ofNullable(anchorings.get(e.getEntryId())),
                        author, opening));
            }
            return out;
        } finally {
            openings.values().forEach(RecordVault.Opening::close);
        }
    }

    private RecordEntryView view(StoredEntry e, Anchor anchor, boolean withContent, Optional<LedgerReceipt> anchoring,
                                 Function<UserId, Party> authors, RecordVault.Opening opening) {
        Long prescribedIn = null;
        if (anchor == null && e.getPrescriptionId() != null) {
            Optional<Prescription> p = PrescriptionQueries.prescription(ledger.committedStateForReading(), Hash.fromHex(e.getPrescriptionId()));
            if (p.isPresent()) {
                anchor = new Anchor(p.get().patient(), e.getEntryId(), 1, RecordCategory.MEDICATION, p.get().contentHash(),
                        p.get().issued().millis(), p.get().id());
                prescribedIn = p.get().issued().height();
            }
        }
        UserId patient = new UserId(e.getPatientId());
        Party author = e.getAuthorId() == null ? null : authors.apply(new UserId(e.getAuthorId()));
        Integrity integrity;
        EntryContent content = null;
        if (e.getStatus() == EntryStatus.ERASED) {
            integrity = Integrity.ERASED;
        } else if (e.getSealed() == null || e.getWrappedEntryKey() == null) {
            integrity = Integrity.PAYLOAD_MISSING;
        } else {
            try {
                RecordVault.OpenedEntry opened = opening.open(e.getEntryId(), e.getVersion(), e.getPatientAddress(), e.getCategory(),
                        e.getWrappedEntryKey(), e.getSealed());
                integrity = integrity(e, anchor, opened);
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
        var anchorTx = anchor != null ? anchor.txId() : anchoring.map(LedgerReceipt::txId).orElse(null);
        Long block = prescribedIn != null ? prescribedIn : anchoring.map(LedgerReceipt::blockHeight).orElse(null);
        return new RecordEntryView(new EntryId(e.getEntryId()), Address.parse(e.getPatientAddress()), e.getCategory(), e.getVersion(),
                e.getStatus(), integrity, content, author == null ? null : author.name(), author == null ? null : author.role(),
                e.getImportedFrom(), e.isSelfReported(), e.getClinicalDate(), e.getCreatedAt(), e.getDecidedAt(),
                rejection, anchorTx, block, e.getErasureRequestedAt(), e.getErasedAt(), erasureRequestable(e));
    }

    private static Integrity integrity(StoredEntry e, Anchor anchor, RecordVault.OpenedEntry opened) {
        boolean matchesStored = opened.recomputed().hex().equals(e.getSaltedHash());
        if (e.getStatus() != EntryStatus.APPROVED) {
            return matchesStored ? Integrity.NOT_ANCHORED : Integrity.MISMATCH;
        }
        if (anchor == null) {
            return matchesStored ? Integrity.AWAITING_ANCHOR : Integrity.MISMATCH;
        }
        return matchesStored && anchor.saltedHash().hex().equals(opened.recomputed().hex())
                && anchor.version() == e.getVersion() && anchor.category() == e.getCategory()
                ? Integrity.VERIFIED : Integrity.MISMATCH;
    }

    /**
     * What an entry is called, for its own patient's lists (the access log): its one-line summary, or
     * why there is none to show.
     */
    String name(StoredEntry e) {
        if (e.getStatus() == EntryStatus.ERASED) {
            return "an entry erased since";
        }
        if (e.getSealed() == null || e.getWrappedEntryKey() == null) {
            return "an entry whose content this portal does not hold";
        }
        try {
            return vault.open(new UserId(e.getPatientId()), e.getEntryId(), e.getVersion(), e.getPatientAddress(), e.getCategory(),
                    e.getWrappedEntryKey(), e.getSealed()).content().summary();
        } catch (CryptoException | IllegalStateException ex) {
            return "an entry that does not match its anchor";
        }
    }

    /** An entry anchored on chain whose content this portal does not hold. */
    RecordEntryView missing(Anchor a) {
        log.warn("Entry {} of {} is anchored on chain but has no content in this portal", a.entryId(), a.patient());
        return new RecordEntryView(new EntryId(a.entryId()), a.patient(), a.category(), a.version(), EntryStatus.APPROVED,
                Integrity.PAYLOAD_MISSING, null, null, null, null, false, null, Instant.ofEpochMilli(a.anchoredAt()), null, null, a.txId(),
                null, null, null, false);
    }
}

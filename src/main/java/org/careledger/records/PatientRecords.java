package org.careledger.records;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;

import org.careledger.common.InvalidInputException;
import org.careledger.common.NotFoundException;
import org.careledger.common.OperationNotAllowedException;
import org.careledger.contracts.Anchor;
import org.careledger.contracts.RecordCategory;
import org.careledger.identity.AppRoles;
import org.careledger.identity.UserId;
import org.careledger.node.LedgerService;
import org.careledger.outbox.LedgerOutbox;
import org.careledger.outbox.LedgerReceipt;
import org.careledger.outbox.QueuedCall;
import org.careledger.records.internal.StoredEntry;
import org.careledger.records.internal.StoredEntryRepository;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A patient's own record: every entry, each checked against its anchor; the entries doctors wrote,
 * to approve (they join the record, anchored with the patient's signature) or reject; self-reported
 * entries; and asking the admins to erase an entry.
 */
@Service
@RolesAllowed(AppRoles.PATIENT)
public class PatientRecords {

    private final StoredEntryRepository entries;
    private final EntryStore store;
    private final EntryViews views;
    private final RecordVault vault;
    private final LedgerOutbox outbox;
    private final LedgerService ledger;
    private final Caller.Callers callers;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    PatientRecords(StoredEntryRepository entries, EntryStore store, EntryViews views, RecordVault vault, LedgerOutbox outbox,
                   LedgerService ledger, Caller.Callers callers, ApplicationEventPublisher events, TransactionTemplate transactions,
                   Clock clock) {
        this.entries = entries;
        this.store = store;
        this.views = views;
        this.vault = vault;
        this.outbox = outbox;
        this.ledger = ledger;
        this.callers = callers;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The signed-in patient's record: every approved or erased entry, newest first, each checked against its anchor. */
    public List<RecordEntryView> myRecord() {
        Caller me = callers.require();
        Map<String, Anchor> anchors = EntryViews.anchorsOf(ledger.committedStateForReading(), me.address());
        List<StoredEntry> stored = entries.findByPatientIdAndStatusInOrderByClinicalDateDescCreatedAtDescEntryIdAsc(me.id().value(), EntryStore.IN_RECORD);
        List<RecordEntryView> out = new ArrayList<>(views.views(stored, anchors, e -> true));
        Set<String> seen = new HashSet<>();
        stored.forEach(e -> seen.add(e.getEntryId()));
        anchors.values().stream().filter(a -> !seen.contains(a.entryId())).forEach(a -> out.add(views.missing(a)));
        return out;
    }

    /** Entries doctors wrote for the signed-in patient that wait for the patient's decision. */
    public List<RecordEntryView> myPendingEntries() {
        Caller me = callers.require();
        return views.views(entries.findByPatientIdAndStatusInOrderByCreatedAtDescEntryIdAsc(me.id().value(), EnumSet.of(EntryStatus.PENDING_APPROVAL)),
                Map.of(), e -> true);
    }

    /** Adds a self-reported entry dated today to the signed-in patient's record and anchors it. */
    public RecordEntryView addSelfReported(RecordCategory category, EntryContent content) {
        return addSelfReported(category, content, null);
    }

    /**
     * Adds a self-reported entry to the signed-in patient's record and anchors it.
     *
     * @param clinicalDate when it happened; null for today
     */
    public RecordEntryView addSelfReported(RecordCategory category, EntryContent content, LocalDate clinicalDate) {
        Caller me = callers.require();
        EntryContent checked = EntryRules.check(category, content);
        LocalDate date = EntryRules.clinicalDate(clinicalDate, clock);
        EntryId entryId = EntryId.random();
        transactions.executeWithoutResult(s -> {
            StoredEntry entry = store.store(entryId, me.id(), me.address(), category, checked, date, me.id(), true, EntryStatus.APPROVED);
            entry.approve(Instant.now(clock));
            store.anchor(entry);
        });
        return views.view(store.require(entryId), null, true);
    }

    /**
     * Adds entries brought in from {@code source} (another hospital's FHIR export, say) to the signed-in
     * patient's entries waiting for approval, exactly as a doctor's entries wait: none joins the record,
     * or is anchored, until the patient approves it. An entry already in the record or waiting (same
     * category, codes, text, file and date) is left out, so importing a file twice adds nothing. All or
     * nothing: every entry is checked first ({@link EntryRules}), and one that fails refuses the whole
     * import with nothing stored.
     *
     * @param progress told how many of the new entries are stored so far, as they are stored (for a progress bar)
     * @throws org.careledger.common.InvalidInputException if an entry breaks a rule of its category
     */
    public ImportResult importPending(List<ImportedEntry> imported, String source, ImportResult.Progress progress) {
        Caller me = callers.require();
        String from = ConsentLimits.clean(source);
        if (from.isEmpty() || from.length() > EntryContent.MAX_DISPLAY) {
            throw InvalidInputException.of("source", "Say where the entries come from, in at most " + EntryContent.MAX_DISPLAY + " characters");
        }
        List<StoredEntry> there = entries.findByPatientIdAndStatusInOrderByCreatedAtDescEntryIdAsc(me.id().value(),
                EnumSet.of(EntryStatus.APPROVED, EntryStatus.PENDING_APPROVAL));
        ImportedEntries.Fresh fresh = ImportedEntries.fresh(imported, views.views(there, Map.of(), e -> true), clock);
        transactions.executeWithoutResult(s -> {
            int n = 0;
            for (ImportedEntry i : fresh.entries()) {
                store.storeImported(EntryId.random(), me.id(), me.address(), i.category(), i.content(), i.clinicalDate(), from,
                        EntryStatus.PENDING_APPROVAL);
                progress.stored(++n, fresh.entries().size());
            }
        });
        return new ImportResult(fresh.entries().size(), fresh.alreadyThere());
    }

    /** Approves an entry a doctor wrote: it joins the record and is anchored with the patient's signature. */
    public LedgerReceipt approveEntry(EntryId entryId) {
        Caller me = callers.require();
        QueuedCall call = transactions.execute(s -> {
            StoredEntry entry = myPending(me, entryId);
            entry.approve(Instant.now(clock));
            QueuedCall queued = store.anchor(entry);
            if (entry.getAuthorId() != null) { // an imported entry has no author here to tell
                events.publishEvent(new EntryApproved(entryId, me.id(), new UserId(entry.getAuthorId()), entry.getCategory()));
            }
            return queued;
        });
        return outbox.receipt(call);
    }

    /** Rejects an entry a doctor wrote, with a comment the doctor sees; it never joins the record. */
    public void rejectEntry(EntryId entryId, String comment) {
        Caller me = callers.require();
        String text = ConsentLimits.clean(comment);
        if (text.isEmpty()) {
            throw InvalidInputException.of("comment", "Tell the doctor why you reject the entry");
        }
        if (text.length() > ConsentLimits.MAX_NOTE) {
            throw InvalidInputException.of("comment", "At most " + ConsentLimits.MAX_NOTE + " characters");
        }
        transactions.executeWithoutResult(s -> {
            StoredEntry entry = myPending(me, entryId);
            entry.reject(Instant.now(clock), vault.sealComment(me.id(), entry.getEntryId(), "rejection", text));
            if (entry.getAuthorId() != null) {
                events.publishEvent(new EntryRejected(entryId, me.id(), new UserId(entry.getAuthorId()), entry.getCategory()));
            }
        });
    }

    /**
     * Asks the admins to erase one of the signed-in patient's entries: any entry of the record not
     * already asked for ({@link RecordEntryView#erasureRequestable()} says so for each).
     */
    public void requestErasure(EntryId entryId, String reason) {
        Caller me = callers.require();
        String text = ConsentLimits.clean(reason);
        if (text.length() > ConsentLimits.MAX_NOTE) {
            throw InvalidInputException.of("reason", "At most " + ConsentLimits.MAX_NOTE + " characters");
        }
        transactions.executeWithoutResult(s -> {
            StoredEntry entry = entries.findById(entryId.value())
                    .filter(e -> e.getPatientId() == me.id().value() && e.getStatus() == EntryStatus.APPROVED)
                    .orElseThrow(() -> new NotFoundException("You have no entry " + entryId + " that can be erased"));
            if (!EntryViews.erasureRequestable(entry)) {
                throw new OperationNotAllowedException("Erasure of this entry was already requested");
            }
            entry.requestErasure(Instant.now(clock), text.isEmpty() ? null : vault.sealComment(me.id(), entry.getEntryId(), "erasure", text));
            events.publishEvent(new ErasureRequested(entryId, me.id(), entry.getCategory()));
        });
    }

    /** The proof bundle of one of the signed-in patient's entries; empty while its anchor is not mined. */
    public Optional<ProofDownload> proofOf(EntryId entryId) {
        Caller me = callers.require();
        StoredEntry entry = store.requireInRecord(entryId);
        if (entry.getPatientId() != me.id().value()) {
            throw new NotFoundException("No entry " + entryId);
        }
        return store.proof(entry);
    }

    private StoredEntry myPending(Caller me, EntryId entryId) {
        StoredEntry entry = entries.findById(entryId.value()).filter(e -> e.getPatientId() == me.id().value())
                .orElseThrow(() -> new NotFoundException("You have no entry " + entryId));
        if (entry.getStatus() != EntryStatus.PENDING_APPROVAL) {
            throw new OperationNotAllowedException("This entry was already " + entry.getStatus().name().toLowerCase(java.util.Locale.ROOT)
                    .replace('_', ' '));
        }
        if (Long.valueOf(me.id().value()).equals(entry.getAuthorId())) {
            throw new OperationNotAllowedException("You cannot approve an entry you wrote yourself");
        }
        return entry;
    }
}

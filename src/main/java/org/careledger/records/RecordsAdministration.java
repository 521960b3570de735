package org.careledger.records;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;

import org.careledger.common.InvalidInputException;
import org.careledger.common.NotFoundException;
import org.careledger.common.OperationNotAllowedException;
import org.careledger.contracts.ConsentCalls;
import org.careledger.contracts.ConsentQueries;
import org.careledger.contracts.Emergency;
import org.careledger.identity.AppRoles;
import org.careledger.identity.SecurityAudit;
import org.careledger.identity.UserId;
import org.careledger.identity.UserProfile;
import org.careledger.install.DatabaseMaintenance;
import org.careledger.ledger.Hash;
import org.careledger.node.LedgerService;
import org.careledger.outbox.LedgerOutbox;
import org.careledger.outbox.LedgerReceipt;
import org.careledger.outbox.OutboxReceipts;
import org.careledger.outbox.QueuedCall;
import org.careledger.records.internal.StoredEntry;
import org.careledger.records.internal.StoredEntryRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What admins do with records: review break-glass accesses (justified or not, with a comment sealed
 * for the patient) and confirm or decline the erasures patients ask for. An admin never sees an
 * entry's content here.
 */
@Service
@RolesAllowed(AppRoles.ADMIN)
public class RecordsAdministration {

    private static final Logger security = LoggerFactory.getLogger("careledger.security");

    private final StoredEntryRepository entries;
    private final RecordVault vault;
    private final LedgerOutbox outbox;
    private final OutboxReceipts receipts;
    private final LedgerService ledger;
    private final Parties parties;
    private final ConsentViews views;
    private final Caller.Callers callers;
    private final DatabaseMaintenance database;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final SecurityAudit securityAudit;

    RecordsAdministration(StoredEntryRepository entries, RecordVault vault, LedgerOutbox outbox, OutboxReceipts receipts, LedgerService ledger, Parties parties,
                          ConsentViews views, Caller.Callers callers, DatabaseMaintenance database, ApplicationEventPublisher events,
                          TransactionTemplate transactions, Clock clock, SecurityAudit securityAudit) {
        this.entries = entries;
        this.vault = vault;
        this.outbox = outbox;
        this.receipts = receipts;
        this.ledger = ledger;
        this.parties = parties;
        this.views = views;
        this.callers = callers;
        this.database = database;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
        this.securityAudit = securityAudit;
    }

    /** Emergency accesses no admin has reviewed (and none is reviewing), oldest first. */
    public List<EmergencyView> pendingEmergencyReviews() {
        List<EmergencyView> out = new ArrayList<>();
        for (Emergency e : ConsentQueries.pendingEmergencyReviews(ledger.committedStateForReading())) {
            if (receipts.latest(RecordCalls.REVIEW, e.id().hex()).filter(r -> r.status() != LedgerReceipt.Status.REFUSED).isPresent()) {
                continue;
            }
            parties.account(e.patient()).ifPresent(p -> out.add(views.emergency(e, p.id())));
        }
        out.sort(Comparator.comparing(EmergencyView::start));
        return out;
    }

    /** Records an admin's verdict on an emergency access; the comment is sealed off chain. */
    public LedgerReceipt reviewEmergency(EmergencyId emergencyId, boolean justified, String comment) {
        Caller me = callers.require();
        Emergency emergency = ConsentQueries.pendingEmergencyReviews(ledger.committedStateForReading()).stream()
                .filter(e -> e.id().equals(emergencyId.value())).findFirst()
                .orElseThrow(() -> new NotFoundException("No emergency access " + emergencyId.value().shortHex() + " is waiting for review"));
        String text = ConsentLimits.clean(comment);
        if (!justified && text.isEmpty()) {
            throw InvalidInputException.of("comment", "Say why the access was not justified");
        }
        if (text.length() > ConsentLimits.MAX_NOTE) {
            throw InvalidInputException.of("comment", "At most " + ConsentLimits.MAX_NOTE + " characters");
        }
        UserProfile patient = parties.account(emergency.patient())
                .orElseThrow(() -> new NotFoundException("The patient of this emergency access has no account"));
        QueuedCall call = transactions.execute(s -> {
            Hash commentHash = text.isEmpty() ? null : Hash.wrap(vault.sealText(patient.id(), "review-comment", text).bytes());
            QueuedCall queued = outbox.queue(RecordCalls.REVIEW, me.signer(), emergency.patient().toString(), emergencyId.hex(),
                    ConsentCalls.reviewEmergency(emergencyId.value(), justified, commentHash));
            events.publishEvent(new EmergencyReviewed(emergencyId, patient.id(), parties.idOf(emergency.doctor()), me.id(), justified));
            return queued;
        });
        securityAudit.emergencyAccessReviewed(me.profile(),
                parties.account(emergency.doctor()).map(UserProfile::username).orElse(emergency.doctor().toString()), justified);
        return outbox.receipt(call);
    }

    /** The erasures patients asked for, oldest first; the entries' content is not shown. */
    public List<ErasureRequestView> pendingErasures() {
        return entries.findByErasureRequestedAtIsNotNullAndStatusOrderByErasureRequestedAtAsc(EntryStatus.APPROVED).stream()
                .map(e -> {
                    UserId patient = new UserId(e.getPatientId());
                    String reason = e.getErasureReason() == null ? null
                            : vault.openComment(patient, e.getEntryId(), "erasure", e.getErasureReason());
                    return new ErasureRequestView(new EntryId(e.getEntryId()), parties.of(patient), e.getCategory(), e.getCreatedAt(),
                            e.getErasureRequestedAt(), reason);
                }).toList();
    }

    /**
     * Erases an entry whose patient asked for it: its key, salt and content are deleted and the
     * database is compacted so the bytes are gone from its files (see {@link DatabaseMaintenance} for
     * what that can promise on each database). The anchor stays on chain.
     */
    public void confirmErasure(EntryId entryId) {
        Caller me = callers.require();
        transactions.executeWithoutResult(s -> {
            StoredEntry entry = erasable(entryId);
            entry.erase(Instant.now(clock), me.id().value());
            events.publishEvent(new EntryErased(entryId, new UserId(entry.getPatientId()), entry.getCategory(), me.id()));
        });
        security.info("Entry {} erased by admin {}", entryId, me.profile().username());
        database.compactAfterErasure("record_entries");
    }

    /** Keeps an entry whose erasure its patient asked for, telling them why. */
    public void declineErasure(EntryId entryId, String comment) {
        Caller me = callers.require();
        String text = ConsentLimits.clean(comment);
        if (text.isEmpty()) {
            throw InvalidInputException.of("comment", "Tell the patient why the entry is kept");
        }
        if (text.length() > ConsentLimits.MAX_NOTE) {
            throw InvalidInputException.of("comment", "At most " + ConsentLimits.MAX_NOTE + " characters");
        }
        security.info("Erasure of entry {} declined by admin {}", entryId, me.profile().username());
        transactions.executeWithoutResult(s -> {
            StoredEntry entry = erasable(entryId);
            entry.declineErasure(vault.sealComment(new UserId(entry.getPatientId()), entry.getEntryId(), "erasure-declined", text));
            events.publishEvent(new ErasureDeclined(entryId, new UserId(entry.getPatientId()), entry.getCategory(), me.id()));
        });
    }

    private StoredEntry erasable(EntryId entryId) {
        StoredEntry entry = entries.findById(entryId.value()).orElseThrow(() -> new NotFoundException("No entry " + entryId));
        if (entry.getErasureRequestedAt() == null || entry.getStatus() != EntryStatus.APPROVED) {
            throw new OperationNotAllowedException("Nobody asked to erase this entry");
        }
        return entry;
    }
}

package org.careledger.records;

import java.time.Clock;
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
import org.careledger.contracts.ConsentRequest;
import org.careledger.contracts.ContractState;
import org.careledger.contracts.Grant;
import org.careledger.contracts.Purpose;
import org.careledger.contracts.RecordCategory;
import org.careledger.contracts.RequestStatus;
import org.careledger.crypto.Address;
import org.careledger.identity.AppRoles;
import org.careledger.ledger.Hash;
import org.careledger.node.LedgerService;
import org.careledger.outbox.LedgerOutbox;
import org.careledger.outbox.LedgerReceipt;
import org.careledger.outbox.QueuedCall;
import org.careledger.records.internal.StoredEntryRepository;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Consent as a patient decides it: the doctors' requests (grant as asked or narrower, or deny), the
 * grants (revoke one, effective at once), who read the record under which grant, and the emergency
 * accesses to it. Each decision is a ledger call signed with the patient's own custody key, queued
 * durably with the change; a reason is sealed off chain and only its salted hash goes on chain.
 */
@Service
@RolesAllowed(AppRoles.PATIENT)
public class PatientConsent {

    private final LedgerService ledger;
    private final LedgerOutbox outbox;
    private final RecordVault vault;
    private final Parties parties;
    private final Caller.Callers callers;
    private final ConsentViews views;
    private final ConsentProofs proofs;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final StoredEntryRepository entries;
    private final EntryViews entryViews;

    PatientConsent(LedgerService ledger, LedgerOutbox outbox, RecordVault vault, Parties parties, Caller.Callers callers,
                   ConsentViews views, ConsentProofs proofs, ApplicationEventPublisher events, TransactionTemplate transactions, Clock clock,
                   StoredEntryRepository entries, EntryViews entryViews) {
        this.ledger = ledger;
        this.outbox = outbox;
        this.vault = vault;
        this.parties = parties;
        this.callers = callers;
        this.views = views;
        this.proofs = proofs;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
        this.entries = entries;
        this.entryViews = entryViews;
    }

    /** The signed-in patient's access requests, pending first, newest first. */
    public List<AccessRequestView> myRequests() {
        Caller me = callers.require();
        List<AccessRequestView> out = new ArrayList<>();
        for (ConsentQueries.RequestView r : ConsentQueries.requestsOf(ledger.committedStateForReading(), me.address(), clock.millis())) {
            ConsentRequest q = r.request();
            String note = q.noteHash().flatMap(h -> vault.openText(me.id(), h.hex())).orElse(null);
            out.add(new AccessRequestView(new RequestId(q.id()), parties.of(q.doctor()), q.purpose(), q.categories(),
                    Duration.ofMillis(q.durationMillis()), note, Instant.ofEpochMilli(q.requestedAt()), r.status(),
                    views.decision(q.id()).orElse(null)));
        }
        out.sort(Comparator.comparing((AccessRequestView v) -> v.status() != RequestStatus.PENDING)
                .thenComparing(AccessRequestView::requestedAt, Comparator.reverseOrder()));
        return out;
    }

    /**
     * Grants a pending request of the signed-in patient, over the categories and for the duration
     * given (at most what was asked).
     */
    public LedgerReceipt grant(RequestId requestId, Set<RecordCategory> categories, Duration duration) {
        Caller me = callers.require();
        ConsentRequest request = myPendingRequest(me, requestId);
        Map<String, String> errors = new LinkedHashMap<>();
        if (categories == null || categories.isEmpty()) {
            errors.put("categories", "Choose at least one kind of record to share, or deny the request");
        } else if (!request.categories().containsAll(categories)) {
            errors.put("categories", "You can share at most what was asked for: " + RecordLabels.categories(request.categories()));
        }
        ConsentLimits.checkDuration(duration, errors);
        if (duration != null && duration.toMillis() > request.durationMillis()) {
            errors.put("duration", "You can grant at most the " + ConsentLimits.describe(Duration.ofMillis(request.durationMillis()))
                    + " asked for");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        QueuedCall call = transactions.execute(s -> {
            QueuedCall queued = outbox.queue(RecordCalls.GRANT, me.signer(), me.address().toString(), requestId.hex(),
                    ConsentCalls.grant(request.id(), categories, duration.toMillis()));
            events.publishEvent(new AccessGranted(me.id(), parties.idOf(request.doctor()), GrantId.of(requestId), categories, duration));
            return queued;
        });
        return outbox.receipt(call);
    }

    /** Denies a pending request; the reason, if any, is sealed off chain. */
    public LedgerReceipt deny(RequestId requestId, String reason) {
        Caller me = callers.require();
        ConsentRequest request = myPendingRequest(me, requestId);
        String text = ConsentLimits.clean(reason);
        if (text.length() > ConsentLimits.MAX_NOTE) {
            throw InvalidInputException.of("reason", "At most " + ConsentLimits.MAX_NOTE + " characters");
        }
        QueuedCall call = transactions.execute(s -> {
            Hash reasonHash = text.isEmpty() ? null : Hash.wrap(vault.sealText(me.id(), "deny-reason", text).bytes());
            QueuedCall queued = outbox.queue(RecordCalls.DENY, me.signer(), me.address().toString(), requestId.hex(),
                    ConsentCalls.deny(request.id(), reasonHash));
            events.publishEvent(new AccessDenied(me.id(), parties.idOf(request.doctor()), requestId, !text.isEmpty()));
            return queued;
        });
        return outbox.receipt(call);
    }

    /** The signed-in patient's grants: in force first, then ended, newest first. */
    public List<GrantView> myGrants() {
        Caller me = callers.require();
        long now = clock.millis();
        Party self = parties.of(me.profile());
        List<GrantView> out = new ArrayList<>();
        for (Grant g : ConsentQueries.grantsOf(ledger.committedStateForReading(), me.address())) {
            out.add(views.grant(g, self, parties.of(g.doctor()), now));
        }
        out.sort(Comparator.comparing((GrantView v) -> !v.active()).thenComparing(GrantView::start, Comparator.reverseOrder()));
        return out;
    }

    /**
     * Revokes one of the signed-in patient's grants. It allows nothing from this moment: the records
     * services refuse reads while the revocation waits to be mined.
     */
    public LedgerReceipt revoke(GrantId grantId) {
        Caller me = callers.require();
        Grant grant = ConsentQueries.grantsOf(ledger.committedStateForReading(), me.address()).stream().filter(g -> g.id().equals(grantId.value()))
                .findFirst().orElseThrow(() -> new NotFoundException("You have no grant " + grantId.value().shortHex()));
        if (!grant.activeAt(clock.millis())) {
            throw new OperationNotAllowedException("This grant has already ended");
        }
        if (!outbox.inFlight(RecordCalls.REVOKE, me.address().toString()).stream().filter(c -> grantId.hex().equals(c.relatedId()))
                .toList().isEmpty()) {
            throw new OperationNotAllowedException("This grant is already being revoked");
        }
        QueuedCall call = transactions.execute(s -> {
            QueuedCall queued = outbox.queue(RecordCalls.REVOKE, me.signer(), me.address().toString(), grantId.hex(),
                    ConsentCalls.revoke(grantId.value()));
            events.publishEvent(new AccessRevoked(me.id(), parties.idOf(grant.doctor()), grantId, grant.categories()));
            return queued;
        });
        return outbox.receipt(call);
    }

    /** Every read of the signed-in patient's record by someone else, newest first, each naming the entry read. */
    public List<AccessEventView> whoViewedMyRecord() {
        Caller me = callers.require();
        ContractState state = ledger.committedStateForReading();
        List<AccessEventView> out = new ArrayList<>();
        Map<Address, Party> names = new LinkedHashMap<>();
        Map<String, String> entryNames = new HashMap<>();
        for (AccessEvent e : ConsentQueries.accessEventsOf(state, me.address())) {
            Purpose purpose = ConsentQueries.basis(state.view(), me.address(), e.basisId()).flatMap(AccessBasis::purpose).orElse(null);
            String entryName = entryNames.computeIfAbsent(e.entryId(), id -> entries.findById(id)
                    .filter(s -> s.getPatientId() == me.id().value()).map(entryViews::name)
                    .orElse("an entry whose content this portal does not hold"));
            out.add(new AccessEventView(Instant.ofEpochMilli(e.atMillis()), names.computeIfAbsent(e.reader(), parties::of),
                    new EntryId(e.entryId()), entryName, e.category(), AccessEventView.basisLabel(e.basisKind()),
                    e.basisId(), purpose, Instant.ofEpochMilli(e.recordedAt()), e.txId()));
        }
        out.sort(Comparator.comparing(AccessEventView::readAt).reversed());
        return out;
    }

    /**
     * The reads of the signed-in patient's record grouped by visit, newest first: the entries one
     * reader read at one moment (opening the record reads every entry shown, each recorded on its own).
     */
    public List<RecordVisitView> visitsToMyRecord() {
        Map<List<Object>, List<AccessEventView>> visits = new LinkedHashMap<>();
        for (AccessEventView read : whoViewedMyRecord()) {
            Object reader = read.reader().address() != null ? read.reader().address() : read.reader().nameOrAddress();
            visits.computeIfAbsent(List.of(read.readAt(), reader), k -> new ArrayList<>()).add(read);
        }
        return visits.values().stream().map(reads -> new RecordVisitView(reads.get(0).readAt(), reads.get(0).reader(), reads)).toList();
    }

    /** Emergency accesses to the signed-in patient's record, newest first. */
    public List<EmergencyView> myEmergencies() {
        Caller me = callers.require();
        return ConsentQueries.emergenciesOf(ledger.committedStateForReading(), me.address()).stream()
                .map(e -> views.emergency(e, me.id())).sorted(Comparator.comparing(EmergencyView::start).reversed()).toList();
    }

    /** The proof bundle of a consent transaction about the signed-in patient; empty while it is pending. */
    public Optional<ProofDownload> proofOf(Hash txId) {
        return proofs.proofOf(callers.require(), txId);
    }

    private ConsentRequest myPendingRequest(Caller me, RequestId requestId) {
        ConsentRequest request = ConsentQueries.request(ledger.committedStateForReading(), me.address(), requestId.value())
                .orElseThrow(() -> new NotFoundException("You have no access request " + requestId.value().shortHex()));
        if (request.decision() != RequestStatus.PENDING) {
            throw new OperationNotAllowedException("This request was already " + request.decision().name().toLowerCase(java.util.Locale.ROOT));
        }
        if (views.deciding(requestId.value())) {
            throw new OperationNotAllowedException("Your decision on this request is already on its way to the ledger");
        }
        return request;
    }
}

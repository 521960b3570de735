package org.careledger.records;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import jakarta.annotation.PreDestroy;

import org.careledger.contracts.Anchor;
import org.careledger.contracts.ConsentQueries;
import org.careledger.crypto.Address;
import org.careledger.identity.KeyCustody;
import org.careledger.identity.UserId;
import org.careledger.ledger.ContractCall;
import org.careledger.ledger.Hash;
import org.careledger.ledger.Transaction;
import org.careledger.ledger.TransactionRejectedException;
import org.careledger.node.LedgerService;
import org.careledger.node.LedgerUnavailableException;
import org.careledger.node.TransactionCommitted;
import org.careledger.records.internal.OutboxItem;
import org.careledger.records.internal.OutboxRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every ledger transaction the records module owes goes through here: it is first written to the
 * outbox in the same database transaction as the change it belongs to, that commit is made durable
 * ({@code CHECKPOINT SYNC}: H2 does not fsync commits by itself), and only then is it signed with
 * the signer's custody key and submitted. A sweep every few seconds, and one when the ledger is
 * ready after a start, submits what is still queued and requeues what a crash took out of the
 * mempool, so nothing the portal promised is lost. A call the ledger cannot take now (a full mempool,
 * or a signer with as many fee-free transactions waiting as one sender may have) stays queued, never
 * failed: only a rule's refusal fails a call.
 */
@Component
class LedgerOutbox {

    private static final Logger log = LoggerFactory.getLogger(LedgerOutbox.class);
    private static final Set<OutboxItem.Status> OPEN = EnumSet.of(OutboxItem.Status.QUEUED, OutboxItem.Status.PENDING);

    private final OutboxRepository items;
    private final LedgerService ledger;
    private final KeyCustody custody;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "careledger-records-outbox");
        t.setDaemon(true);
        return t;
    });

    LedgerOutbox(OutboxRepository items, LedgerService ledger, KeyCustody custody, JdbcTemplate jdbc,
                 TransactionTemplate transactions, Clock clock) {
        this.items = items;
        this.ledger = ledger;
        this.custody = custody;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
        ledger.whenReady(() -> sweeper.scheduleWithFixedDelay(this::sweepQuietly, 0, 3, TimeUnit.SECONDS));
    }

    /** Queues a call to be signed by {@code signer}, in the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    OutboxItem enqueue(UserId signer, OutboxItem.Kind kind, String relatedId, String patientAddress, ContractCall call) {
        return items.save(new OutboxItem(signer.value(), kind, relatedId, patientAddress, call.encode(), Instant.now(clock)));
    }

    /** Forces everything committed so far to disk. */
    void makeDurable() {
        jdbc.execute("CHECKPOINT SYNC");
    }

    /** Makes the queued items durable, then signs and submits them; returns where each stands. */
    List<LedgerReceipt> flush(List<Long> ids) {
        makeDurable();
        List<LedgerReceipt> receipts = new ArrayList<>();
        for (Long id : ids) {
            receipts.add(submit(id));
        }
        return receipts;
    }

    LedgerReceipt flush(long id) {
        return flush(List.of(id)).get(0);
    }

    private synchronized LedgerReceipt submit(long id) {
        OutboxItem item = items.findById(id).orElseThrow();
        if (item.getStatus() != OutboxItem.Status.QUEUED) {
            return receipt(item);
        }
        ContractCall call = ContractCall.decode(item.getCallBytes());
        try {
            Transaction tx = custody.withPrivateKey(new UserId(item.getSignerId()), key -> ledger.submit(key, call, 0));
            item.submitted(tx.id().hex(), Instant.now(clock));
        } catch (TransactionRejectedException e) {
            log.warn("Ledger refused {}: {}", item, e.getMessage());
            item.failed(e.getMessage(), Instant.now(clock));
        } catch (LedgerUnavailableException e) {
            log.debug("{} stays queued: {}", item, e.getMessage());
            return receipt(item);
        }
        return receipt(transactions.execute(s -> items.save(item)));
    }

    @EventListener
    void onCommitted(TransactionCommitted event) {
        transactions.executeWithoutResult(s -> items.findFirstByTxId(event.transactionId()).ifPresent(item -> {
            if (item.getStatus() != OutboxItem.Status.COMMITTED) {
                item.committed(event.height(), Instant.now(clock));
            }
        }));
    }

    /** Where the newest transaction about {@code relatedId} of this kind stands. */
    Optional<LedgerReceipt> latest(String relatedId, OutboxItem.Kind kind) {
        return items.findByRelatedIdOrderByIdDesc(relatedId).stream().filter(i -> i.getKind() == kind).findFirst().map(LedgerOutbox::receipt);
    }

    Optional<OutboxItem> byTransaction(String txId) {
        return items.findFirstByTxId(txId);
    }

    /** Where the transaction with this id stands, if this portal submitted it for {@code signer}. */
    Optional<LedgerReceipt> byTxId(String txId, UserId signer) {
        return items.findFirstByTxId(txId).filter(i -> i.getSignerId() == signer.value()).map(LedgerOutbox::receipt);
    }

    /** Grants of {@code patient} whose revocation is written but not yet mined (or still queued). */
    Set<String> revocationsInFlight(Address patient) {
        return items.findByPatientAddressAndKindAndStatusIn(patient.toString(), OutboxItem.Kind.REVOKE, OPEN)
                .stream().map(OutboxItem::getRelatedId).collect(Collectors.toSet());
    }

    /** Items of a kind for a patient, newest first. */
    List<OutboxItem> ofPatient(Address patient, OutboxItem.Kind kind) {
        return items.findByPatientAddressAndKindOrderByIdDesc(patient.toString(), kind);
    }

    static LedgerReceipt receipt(OutboxItem item) {
        return new LedgerReceipt(item.getTxId(), LedgerReceipt.Status.valueOf(item.getStatus().name()), item.getBlockHeight(),
                item.getError());
    }

    /** Submits what is queued and settles what is pending: committed, or lost and queued again. */
    void sweep() {
        if (ledger.refusal().isPresent()) {
            return;
        }
        Set<Hash> inMempool = ledger.pending().stream().map(Transaction::id).collect(Collectors.toSet());
        for (OutboxItem item : items.findByStatusInOrderByIdAsc(OPEN)) {
            if (item.getStatus() == OutboxItem.Status.PENDING) {
                settle(item, inMempool);
            }
        }
        List<OutboxItem> queued = items.findByStatusInOrderByIdAsc(EnumSet.of(OutboxItem.Status.QUEUED));
        if (!queued.isEmpty()) {
            makeDurable(); // whatever was read above is committed; a request thread may not have synced it yet
        }
        Set<Long> heldBack = new HashSet<>();
        for (OutboxItem item : queued) {
            if (heldBack.contains(item.getSignerId())) {
                continue;
            }
            if (item.getKind() == OutboxItem.Kind.ANCHOR && alreadyAnchored(item)) {
                continue;
            }
            if (submit(item.getId()).status() == LedgerReceipt.Status.QUEUED) {
                // the ledger cannot take this signer's call now (its share of the mempool is full, say): its later
                // calls wait for the next sweep too, so they keep the order they were written in and cost no signing
                heldBack.add(item.getSignerId());
            }
        }
    }

    private void settle(OutboxItem item, Set<Hash> inMempool) {
        Hash tx = Hash.fromHex(item.getTxId());
        if (inMempool.contains(tx)) {
            return;
        }
        var location = ledger.locate(tx);
        transactions.executeWithoutResult(s -> {
            OutboxItem fresh = items.findById(item.getId()).orElseThrow();
            if (fresh.getStatus() != OutboxItem.Status.PENDING) {
                return;
            }
            if (location.isPresent()) {
                fresh.committed(location.get().height(), Instant.now(clock));
            } else {
                log.info("{} was not mined and is no longer waiting (the process stopped?); submitting it again", fresh);
                fresh.requeue(Instant.now(clock));
            }
            items.save(fresh);
        });
    }

    /** A queued anchor whose version is already on chain (the crash came after submitting): settled from the chain. */
    private boolean alreadyAnchored(OutboxItem item) {
        String entryId = item.getRelatedId();
        Optional<Anchor> onChain = ConsentQueries.anchorsOf(ledger.committedState(), Address.parse(item.getPatientAddress()))
                .stream().filter(a -> a.entryId().equals(entryId)).findFirst();
        if (onChain.isEmpty()) {
            return false;
        }
        transactions.executeWithoutResult(s -> items.findById(item.getId()).ifPresent(fresh -> {
            fresh.submitted(onChain.get().txId().hex(), Instant.now(clock));
            var where = ledger.locate(onChain.get().txId());
            where.ifPresent(w -> fresh.committed(w.height(), Instant.now(clock)));
            items.save(fresh);
        }));
        log.info("{} was already anchored by transaction {}", item, onChain.get().txId().shortHex());
        return true;
    }

    private void sweepQuietly() {
        try {
            sweep();
        } catch (RuntimeException e) {
            log.warn("Records outbox sweep failed; will try again: {}", e.toString());
        }
    }

    @PreDestroy
    void stop() {
        sweeper.shutdownNow();
    }
}

package org.careledger.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;

import jakarta.annotation.PreDestroy;

import org.careledger.crypto.Address;
import org.careledger.install.DatabaseMaintenance;
import org.careledger.ledger.ContractCall;
import org.careledger.ledger.Hash;
import org.careledger.ledger.Transaction;
import org.careledger.ledger.TransactionRejectedException;
import org.careledger.ledger.TxLocation;
import org.careledger.node.LedgerService;
import org.careledger.node.LedgerUnavailableException;
import org.careledger.node.TransactionRefused;
import org.careledger.outbox.internal.OutboxRow;
import org.careledger.outbox.internal.OutboxRows;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Signs, submits and settles queued calls, one at a time under one lock (so two threads never give
 * a signer the same nonce). A call is signed, its transaction id made durable, and only then
 * submitted: after a crash the outbox knows every transaction it may have sent, and settles it from
 * the chain if it was mined, so nothing is applied twice. A call whose transaction is lost (a crash
 * emptied the mempool, or a refusal of one of its signer's earlier calls took it out) is signed
 * again with a fresh nonce; one a block refused for good is marked refused and its hook told.
 */
@Component
class OutboxWorker {

    private static final Logger log = LoggerFactory.getLogger(OutboxWorker.class);
    /** How long a call waits for the chain to know its signer (a registration on its way) before it is refused. */
    static final java.time.Duration SENDER_GRACE = java.time.Duration.ofMinutes(10);

    private final OutboxRows rows;
    private final LedgerService ledger;
    private final Signing signing;
    private final Hooks hooks;
    private final DatabaseMaintenance durability;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate inNewTransaction;
    private final Clock clock;
    static final Duration SUBMIT_WAIT = Duration.ofSeconds(2);

    private final ReentrantLock lock = new ReentrantLock();
    /** Calls handed to the sender thread and not yet taken by it. */
    private final Set<Long> toSend = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "careledger-outbox-sender");
        t.setDaemon(true);
        return t;
    });

    OutboxWorker(OutboxRows rows, LedgerService ledger, Signing signing, Hooks hooks, DatabaseMaintenance durability,
                 ApplicationEventPublisher events, PlatformTransactionManager transactions, Clock clock) {
        this.rows = rows;
        this.ledger = ledger;
        this.signing = signing;
        this.hooks = hooks;
        this.durability = durability;
        this.events = events;
        this.inNewTransaction = new TransactionTemplate(transactions);
        this.inNewTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /**
     * Signs and submits these calls, if they are still queued (made durable by the caller). The
     * caller is a request thread just after its commit, still holding its database connection; while
     * another thread sends, it waits at most {@link #SUBMIT_WAIT}, then hands its calls to the sender
     * thread ({@link #submitSoon}). Waiting for ever could deadlock the pool: under load every connection was held
     * by a thread waiting here, and the thread sending needed one more.
     */
    void submit(Collection<Long> ids) {
        if (ids.isEmpty() || ledger.refusal().isPresent()) {
            return; // the sweep sends them once the ledger is up
        }
        try {
            if (!lock.tryLock(SUBMIT_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                log.debug("Calls {} go to the sender thread: another thread is sending", ids);
                submitSoon(ids);
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            submitSoon(ids);
            return;
        }
        try {
            submitQueued(inNewTransaction.execute(s -> rows.findByIdInOrderByIdAsc(ids)).stream()
                    .filter(r -> r.getStatus() == OutboxRow.Status.QUEUED).toList());
        } finally {
            lock.unlock();
        }
    }

    /**
     * Hands these calls (made durable by the caller) to the sender thread, which signs and submits
     * them as soon as the lock is free, with whatever else was handed to it meanwhile; the caller
     * goes on at once. If the process stops first, the sweep after the restart sends them.
     */
    void submitSoon(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        toSend.addAll(ids);
        startDraining();
    }

    private void startDraining() {
        if (draining.compareAndSet(false, true)) {
            try {
                sender.execute(this::drain);
            } catch (RejectedExecutionException stopped) {
                draining.set(false); // shutting down: the calls are durable, the sweep after the restart sends them
            }
        }
    }

    private void drain() {
        try {
            List<Long> batch;
            while (!(batch = new ArrayList<>(toSend)).isEmpty()) {
                toSend.removeAll(batch);
                if (ledger.refusal().isPresent()) {
                    return; // the sweep sends them once the ledger is up
                }
                List<Long> ids = batch;
                lock.lock();
                try {
                    submitQueued(inNewTransaction.execute(s -> rows.findByIdInOrderByIdAsc(ids)).stream()
                            .filter(r -> r.getStatus() == OutboxRow.Status.QUEUED).toList());
                } catch (RuntimeException e) {
                    log.warn("Calls {} stay queued for the next sweep: {}", ids, e.toString());
                } finally {
                    lock.unlock();
                }
            }
        } finally {
            draining.set(false);
            if (!toSend.isEmpty()) {
                startDraining(); // handed over between the last look and now
            }
        }
    }

    @PreDestroy
    void stop() {
        sender.shutdownNow();
    }

    /**
     * Settles what is pending (committed, refused, or lost and queued again), then sends what is
     * queued. Pending calls are read before the mempool: one that is in neither the pool nor the
     * chain afterwards was lost, not still on its way.
     */
    void sweep() {
        if (ledger.refusal().isPresent()) {
            return;
        }
        lock.lock();
        try {
            List<OutboxRow> pending = inNewTransaction.execute(s -> rows.findByStatusOrderByIdAsc(OutboxRow.Status.PENDING));
            Set<Hash> inPool = ledger.pending().stream().map(Transaction::id).collect(Collectors.toSet());
            for (OutboxRow row : pending) {
                Hash tx = Hash.fromHex(row.getTxId());
                if (!inPool.contains(tx)) {
                    settleFromChain(row.getId(), tx);
                }
            }
            List<OutboxRow> queued = inNewTransaction.execute(s -> rows.findByStatusOrderByIdAsc(OutboxRow.Status.QUEUED));
            if (!queued.isEmpty()) {
                durability.makeCommittedDurable(); // what a request thread committed may not be on disk yet
                submitQueued(queued);
            }
        } finally {
            lock.unlock();
        }
    }

    private void settleFromChain(long id, Hash tx) {
        Optional<TxLocation> at = ledger.locate(tx);
        if (at.isPresent()) {
            committed(tx, at.get().height());
            return;
        }
        Optional<TransactionRefused> refused = ledger.refusalOf(tx);
        if (refused.isPresent()) {
            refused(tx, new Refusal(refused.get().rule(), refused.get().reason()));
            return;
        }
        inNewTransaction.executeWithoutResult(s -> rows.findById(id).filter(r -> r.getStatus() == OutboxRow.Status.PENDING).ifPresent(r -> {
            log.info("{} was not mined and is no longer waiting (the process stopped, or an earlier call of its signer was "
                    + "refused); signing it again", r);
            r.requeue(Instant.now(clock));
        }));
    }

    /** Settles the call whose transaction is {@code tx}, if it is still pending, and runs its hook, in one transaction. */
    void committed(Hash tx, long height) {
        inNewTransaction.executeWithoutResult(s -> rows.findFirstByTxId(tx.hex()).filter(r -> r.getStatus() == OutboxRow.Status.PENDING)
                .ifPresent(row -> {
                    row.committed(height, Instant.now(clock));
                    QueuedCall call = LedgerOutbox.view(row);
                    hooks.find(call.kind()).ifPresent(hook -> hook.committed(call, height));
                }));
    }

    /** Marks the call whose transaction is {@code tx} refused for good, runs its hook and announces it, in one transaction. */
    void refused(Hash tx, Refusal refusal) {
        inNewTransaction.executeWithoutResult(s -> rows.findFirstByTxId(tx.hex()).filter(r -> r.getStatus() == OutboxRow.Status.PENDING)
                .ifPresent(row -> refuse(row, refusal)));
    }

    private void refuse(OutboxRow row, Refusal refusal) {
        QueuedCall call = LedgerOutbox.view(row);
        Optional<CallHook> hook = hooks.find(call.kind());
        Optional<String> words = hook.isPresent() ? hook.get().refused(call, refusal) : Optional.of(Refusals.plainWords(refusal));
        row.refused(refusal.rule(), words.orElse(refusal.reason()), Instant.now(clock));
        rows.save(row);
        log.warn("The ledger refused {}: {}: {}", row, refusal.rule(), refusal.reason());
        events.publishEvent(new LedgerCallRefused(row.getId(), call.kind(),
                call.signer() instanceof Signer.User u ? u.id() : null, row.getRelatedId(), call.txId(), refusal.rule(),
                refusal.reason(), words.orElse(null)));
    }

    /**
     * Signs the queued calls in order, makes their transaction ids durable, then submits them. A
     * signer whose call the ledger cannot take now (a full pool, its share of it full) keeps that call
     * and its later ones queued, in order, for the next sweep; nothing is signed in vain for it.
     */
    private void submitQueued(List<OutboxRow> queued) {
        List<Signed> signed = sign(queued);
        if (signed.isEmpty()) {
            return;
        }
        inNewTransaction.executeWithoutResult(s -> signed.forEach(x -> rows.findById(x.rowId()).ifPresent(row ->
                row.signed(x.tx().id().hex(), x.tx().nonce(), x.tx().fee(), Instant.now(clock)))));
        durability.makeCommittedDurable();
        Set<Signer> heldBack = new HashSet<>();
        List<Signed> backToQueue = new ArrayList<>();
        for (Signed x : signed) {
            if (heldBack.contains(x.signer())) {
                backToQueue.add(x);
                continue;
            }
            try {
                ledger.submitSigned(x.tx());
            } catch (LedgerUnavailableException e) {
                log.debug("{} stays queued: {}", x, e.getMessage());
                heldBack.add(x.signer());
                backToQueue.add(x);
            } catch (TransactionRejectedException e) {
                heldBack.add(x.signer()); // its later calls carry nonces after this one: sign them again
                if ("nonce".equals(e.rule()) || notYetASender(e, x)) {
                    backToQueue.add(x);
                } else {
                    inNewTransaction.executeWithoutResult(s -> rows.findById(x.rowId()).ifPresent(row ->
                            refuse(row, new Refusal(e.rule(), e.getMessage()))));
                }
            }
        }
        if (!backToQueue.isEmpty()) {
            inNewTransaction.executeWithoutResult(s -> backToQueue.forEach(x -> rows.findById(x.rowId())
                    .filter(r -> r.getStatus() == OutboxRow.Status.PENDING).ifPresent(r -> r.requeue(Instant.now(clock)))));
        }
    }

    private record Signed(long rowId, Signer signer, Transaction tx, Instant queuedAt) {
    }

    /**
     * Whether the ledger refused the sender only because the chain does not know it yet: a newly
     * approved user whose registration (or welcome transfer) is still on its way. Such a call waits
     * in the queue, for at most {@link #SENDER_GRACE}; a nonce the sender's transactions moved on
     * from outside the outbox is waited out the same way (signed again at once).
     */
    private boolean notYetASender(TransactionRejectedException e, Signed x) {
        return "sender".equals(e.rule()) && x.queuedAt().plus(SENDER_GRACE).isAfter(Instant.now(clock));
    }

    private List<Signed> sign(List<OutboxRow> queued) {
        Map<Address, Long> nextNonce = new HashMap<>();
        List<Signed> out = new ArrayList<>();
        Set<Signer> unavailable = new HashSet<>();
        for (OutboxRow row : queued) {
            Signer signer = Signing.signerOf(row);
            if (unavailable.contains(signer)) {
                continue;
            }
            try {
                ContractCall call = ContractCall.decode(row.getCallBytes());
                Address sender = signing.addressOf(signer);
                long nonce = nextNonce.computeIfAbsent(sender, ledger::nextNonce);
                long fee = ledger.minimumFee(call);
                Transaction tx = signing.withKey(signer, key -> ledger.sign(key, nonce, call, fee));
                nextNonce.put(sender, nonce + 1);
                out.add(new Signed(row.getId(), signer, tx, row.getCreatedAt()));
            } catch (LedgerUnavailableException | IllegalStateException e) {
                log.warn("{} cannot be signed now: {}", row, e.getMessage());
                unavailable.add(signer);
            }
        }
        return out;
    }
}

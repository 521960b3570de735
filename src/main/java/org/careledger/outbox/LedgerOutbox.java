package org.careledger.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;

import org.careledger.crypto.Address;
import org.careledger.install.DatabaseMaintenance;
import org.careledger.ledger.ContractCall;
import org.careledger.ledger.Hash;
import org.careledger.ledger.TransactionRejectedException;
import org.careledger.node.LedgerService;
import org.careledger.node.LedgerUnavailableException;
import org.careledger.node.TransactionCommitted;
import org.careledger.node.TransactionRefused;
import org.careledger.node.Trial;
import org.careledger.outbox.internal.OutboxRow;
import org.careledger.outbox.internal.OutboxRows;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The one durable path to the ledger, for every module. {@link #queue} dry-runs a call and writes it
 * in the caller's database transaction; when that transaction commits, the outbox makes it durable
 * and only then signs and submits it, before the caller's code after the commit runs (so a module
 * can answer "pending" at once, and an access event is on disk before the data it records is shown).
 * A sweep every few seconds, and once when the ledger is ready after a start, sends what is still
 * queued, settles what was mined from the chain, and signs again what a crash lost. The owning
 * module's {@link CallHook} runs when a call settles. A call is never applied twice and, once the
 * caller's transaction committed, never lost.
 */
@Service
public class LedgerOutbox {

    private static final Logger log = LoggerFactory.getLogger(LedgerOutbox.class);
    private static final Set<OutboxRow.Status> IN_FLIGHT = EnumSet.of(OutboxRow.Status.QUEUED, OutboxRow.Status.PENDING);

    private final OutboxRows rows;
    private final LedgerService ledger;
    private final Signing signing;
    private final Hooks hooks;
    private final OutboxWorker worker;
    private final DatabaseMaintenance durability;
    private final Clock clock;
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "careledger-outbox");
        t.setDaemon(true);
        return t;
    });

    LedgerOutbox(OutboxRows rows, LedgerService ledger, Signing signing, Hooks hooks, OutboxWorker worker, DatabaseMaintenance durability,
                 Clock clock) {
        this.rows = rows;
        this.ledger = ledger;
        this.signing = signing;
        this.hooks = hooks;
        this.worker = worker;
        this.durability = durability;
        this.clock = clock;
        ledger.whenReady(() -> sweeper.scheduleWithFixedDelay(this::sweepQuietly, 0, 3, TimeUnit.SECONDS));
    }

    /**
     * Queues {@code call}, to be signed by {@code signer}, in the caller's transaction. It is first
     * dry-run on the committed state after the signer's waiting and queued calls (skipped while the
     * ledger is starting): a call the ledger would refuse is not queued, and nothing the caller wrote
     * in this transaction stays.
     *
     * @param subject   what the call is about, as the owning module names it (records: the patient's address); may be null
     * @param relatedId the entry, request, grant ... it concerns, for {@link #latest}; may be null
     * @throws LedgerRefusedException if the dry run is refused, with the owning module's plain words; it does
     *                                not doom the caller's transaction by itself (a caller may go on without
     *                                the call: an approval without its welcome tokens)
     * @throws IllegalStateException  if no module registered a {@link CallHook} for {@code kind}
     */
    @Transactional(propagation = Propagation.MANDATORY, noRollbackFor = LedgerRefusedException.class)
    public QueuedCall queue(CallKind kind, Signer signer, String subject, String relatedId, ContractCall call) {
        CallHook hook = hooks.require(kind);
        dryRun(kind, hook, signer, call);
        OutboxRow row = rows.save(new OutboxRow(kind.toString(), Signing.userColumn(signer), Signing.keyColumn(signer), subject,
                relatedId, call.encode(), Instant.now(clock)));
        CommitFlush flush = afterCommit();
        (hook.sentInBackground(kind) ? flush.background : flush.ids).add(row.getId());
        return view(row);
    }

    /** Where a queued call stands now. */
    public LedgerReceipt receipt(QueuedCall call) {
        return rows.findById(call.id()).map(LedgerOutbox::receipt).orElseThrow();
    }

    /**
     * Waits, outside any transaction, until {@code call} is in a block or refused, sending it now if
     * it is still queued (another thread was sending when its transaction committed), and returns
     * where it stands: for a call whose caller cannot go on without it (an emergency access).
     *
     * @throws LedgerUnavailableException if it is not in a block within {@code timeout}
     */
    public LedgerReceipt awaitCommitted(QueuedCall call, Duration timeout) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Wait for a call after its transaction committed, not inside it");
        }
        Instant deadline = Instant.now().plus(timeout);
        LedgerReceipt receipt = receipt(call);
        while (receipt.status() == LedgerReceipt.Status.QUEUED && Instant.now().isBefore(deadline)) {
            worker.submit(List.of(call.id()));
            receipt = receipt(call);
        }
        if (receipt.status() == LedgerReceipt.Status.PENDING) {
            Duration left = Duration.between(Instant.now(), deadline);
            long height = ledger.awaitCommitted(receipt.txId(), left.isNegative() ? Duration.ZERO : left);
            return new LedgerReceipt(receipt.txId(), LedgerReceipt.Status.COMMITTED, height, null);
        }
        if (receipt.status() == LedgerReceipt.Status.QUEUED) {
            throw new LedgerUnavailableException("The ledger has not taken the call yet; it stays queued and will be sent");
        }
        return receipt;
    }

    /** Calls of this kind about {@code subject} that may still be mined (queued or pending), oldest first. */
    public List<QueuedCall> inFlight(CallKind kind, String subject) {
        return rows.findBySubjectAndKindAndStatusIn(subject, kind.toString(), IN_FLIGHT).stream().map(LedgerOutbox::view).toList();
    }

    /** Calls of this kind about any subject that may still be mined (queued or pending): one query for a list's worth of subjects. */
    public List<QueuedCall> inFlight(CallKind kind) {
        return rows.findByKindAndStatusIn(kind.toString(), IN_FLIGHT).stream().map(LedgerOutbox::view).toList();
    }

    /** Every call of this kind about {@code subject}, newest first. */
    public List<QueuedCall> ofSubject(CallKind kind, String subject) {
        return rows.findBySubjectAndKindOrderByIdDesc(subject, kind.toString()).stream().map(LedgerOutbox::view).toList();
    }

    /** The signer's calls that may still be mined, oldest first. */
    public List<QueuedCall> inFlightOf(Signer signer) {
        List<OutboxRow> found = signer instanceof Signer.User u
                ? rows.findBySignerUserIdAndStatusInOrderByIdAsc(u.id().value(), IN_FLIGHT)
                : rows.findBySignerKeyAndStatusInOrderByIdAsc(Signing.keyColumn(signer), IN_FLIGHT);
        return found.stream().map(LedgerOutbox::view).toList();
    }

    /** The call whose current transaction is {@code txId}, if the outbox sent it. */
    public Optional<QueuedCall> byTransaction(Hash txId) {
        return rows.findFirstByTxId(txId.hex()).map(LedgerOutbox::view);
    }

    /** Forces everything committed so far to disk (a change that queues no call but must survive a crash). */
    public void makeDurable() {
        durability.makeCommittedDurable();
    }

    /** Sends what is queued and settles what is pending now, as the sweep does every few seconds. */
    public void sweep() {
        worker.sweep();
    }

    @EventListener
    void on(TransactionCommitted event) {
        // the node calls its listeners while it holds its block lock: settle on the outbox's own thread
        settleLater(() -> worker.committed(event.transactionId(), event.height()));
    }

    @EventListener
    void on(TransactionRefused event) {
        settleLater(() -> worker.refused(event.transactionId(), new Refusal(event.rule(), event.reason())));
        // the node dropped the signer's later transactions with it: sign them again now, not at the next sweep
        settleLater(worker::sweep);
    }

    private void settleLater(Runnable settle) {
        try {
            sweeper.execute(() -> {
                try {
                    settle.run();
                } catch (RuntimeException e) {
                    log.warn("Settling a call failed; the next sweep settles it from the chain: {}", e.toString());
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // shutting down: the next start's sweep settles it from the chain
        }
    }

    private void dryRun(CallKind kind, CallHook hook, Signer signer, ContractCall call) {
        if (ledger.refusal().isPresent()) {
            return; // still starting: the call is queued as it is, and a block judges it
        }
        CommitFlush flush = afterCommit();
        Address sender = signing.addressOf(signer);
        try {
            Trial trial = flush.trials.get(sender);
            if (trial == null) {
                Trial fresh = ledger.trial(sender);
                for (OutboxRow earlier : queuedOf(signer)) {
                    signing.withKey(signer, key -> {
                        fresh.runIgnoringRefusal(key, ContractCall.decode(earlier.getCallBytes()));
                        return null;
                    });
                }
                flush.trials.put(sender, fresh);
                trial = fresh;
            }
            Trial chosen = trial;
            applyOnTheirWay(chosen, flush, signer, sender, call);
            // the refusal is caught inside: thrown through custody's transactional method, it would doom the caller's transaction
            TransactionRejectedException refused = signing.withKey(signer, key -> {
                try {
                    chosen.run(key, call);
                    return null;
                } catch (TransactionRejectedException e) {
                    return e;
                }
            });
            if (refused != null) {
                Refusal refusal = new Refusal(refused.rule(), refused.getMessage());
                log.info("Dry run of {} by {} refused: {}: {}", kind, signer, refused.rule(), refused.getMessage());
                throw new LedgerRefusedException(kind, refusal, hook.explain(kind, refusal));
            }
        } catch (LedgerUnavailableException e) {
            log.debug("{} queued without a dry run: {}", kind, e.getMessage());
        }
    }

    /**
     * For each party of the call the chain does not know yet (a newly approved user, or the patient a
     * request names), applies in the trial the calls other signers have queued about it that may not
     * be waiting in the pool yet (a registration sent again after a refusal dropped it, say), once per
     * transaction.
     */
    private void applyOnTheirWay(Trial trial, CommitFlush flush, Signer signer, Address sender, ContractCall call) {
        for (Address party : Trial.partiesOf(sender, call)) {
            if (!trial.newcomer(party) || !flush.prerequisitesApplied.add(sender + "/" + party)) {
                continue;
            }
            for (OutboxRow row : rows.findBySubjectAndStatusInOrderByIdAsc(party.toString(), IN_FLIGHT)) {
                Signer other = Signing.signerOf(row);
                if (!other.equals(signer)) {
                    signing.withKey(other, key -> {
                        trial.applyOnItsWay(key, ContractCall.decode(row.getCallBytes()));
                        return null;
                    });
                }
            }
        }
    }

    private List<OutboxRow> queuedOf(Signer signer) {
        if (signer instanceof Signer.User u) {
            return rows.findBySignerUserIdAndStatusOrderByIdAsc(u.id().value(), OutboxRow.Status.QUEUED);
        }
        return rows.findBySignerKeyAndStatusOrderByIdAsc(Signing.keyColumn(signer), OutboxRow.Status.QUEUED);
    }

    /** The work for when the caller's transaction commits: make its calls durable, then sign and submit them. */
    private CommitFlush afterCommit() {
        return CommitFlush.ofCurrentTransaction(durability, worker);
    }

    static QueuedCall view(OutboxRow row) {
        return new QueuedCall(row.getId(), CallKind.parse(row.getKind()), Signing.signerOf(row), row.getSubject(), row.getRelatedId(),
                ContractCall.decode(row.getCallBytes()), receipt(row));
    }

    static LedgerReceipt receipt(OutboxRow row) {
        return new LedgerReceipt(row.getTxId() == null ? null : Hash.fromHex(row.getTxId()),
                LedgerReceipt.Status.valueOf(row.getStatus().name()), row.getBlockHeight(), row.getError());
    }

    private void sweepQuietly() {
        try {
            worker.sweep();
        } catch (RuntimeException e) {
            log.warn("Outbox sweep failed; will try again: {}", e.toString());
        }
    }

    @PreDestroy
    void stop() {
        sweeper.shutdownNow();
    }
}

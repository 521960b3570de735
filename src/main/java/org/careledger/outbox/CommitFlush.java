package org.careledger.outbox;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.careledger.crypto.Address;
import org.careledger.install.DatabaseMaintenance;
import org.careledger.node.Trial;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * One database transaction's part in the outbox: the calls it queued, and the dry runs that let each
 * of its calls see the ones before it. When the transaction commits, its calls are made durable and
 * then signed and submitted: by its own thread, or by the sender thread for kinds sent in the
 * background. Ordered first among the transaction's synchronizations, so that listeners
 * of the events the transaction published run after its calls are on disk.
 */
final class CommitFlush implements TransactionSynchronization {

    private static final Logger log = LoggerFactory.getLogger(CommitFlush.class);

    /** The calls this transaction queued that its thread sends after the commit. */
    final List<Long> ids = new ArrayList<>();
    /** The calls this transaction queued that the sender thread sends. */
    final List<Long> background = new ArrayList<>();
    /** Dry runs of this transaction, one per signer, so each of its calls sees the ones before it. */
    final Map<Address, Trial> trials = new HashMap<>();
    /** Which (signer, party) pairs already had the calls on their way about the party applied. */
    final Set<String> prerequisitesApplied = new HashSet<>();

    private final DatabaseMaintenance durability;
    private final OutboxWorker worker;

    private CommitFlush(DatabaseMaintenance durability, OutboxWorker worker) {
        this.durability = durability;
        this.worker = worker;
    }

    /** The current transaction's flush, registered with the transaction the first time it is asked for. */
    static CommitFlush ofCurrentTransaction(DatabaseMaintenance durability, OutboxWorker worker) {
        CommitFlush flush = (CommitFlush) TransactionSynchronizationManager.getResource(CommitFlush.class);
        if (flush == null) {
            flush = new CommitFlush(durability, worker);
            TransactionSynchronizationManager.bindResource(CommitFlush.class, flush);
            TransactionSynchronizationManager.registerSynchronization(flush);
        }
        return flush;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public void afterCommit() {
        if (ids.isEmpty() && background.isEmpty()) {
            return;
        }
        durability.makeCommittedDurable(); // a failure here reaches the caller: what they did is committed but not yet safe
        worker.submitSoon(background);
        try {
            worker.submit(ids);
        } catch (RuntimeException e) {
            log.warn("Calls {} stay queued for the next sweep: {}", ids, e.toString());
        }
    }

    @Override
    public void afterCompletion(int status) {
        TransactionSynchronizationManager.unbindResourceIfPossible(CommitFlush.class);
    }
}

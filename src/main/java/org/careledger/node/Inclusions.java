package org.careledger.node;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.careledger.ledger.Hash;
import org.careledger.ledger.Node;
import org.careledger.ledger.TxLocation;

/**
 * Who waits for which transaction to be mined, and what the home node refused: the waiting side of
 * {@link LedgerService#awaitCommitted}. A block joining the main chain completes the waits for its
 * transactions; a refusal fails them with the rule, and is kept (the latest 10,000) so a later wait
 * can say why.
 */
final class Inclusions {

    /** Transactions someone awaits, completed by the block that includes them. */
    private final Map<Hash, CompletableFuture<Long>> waiting = new ConcurrentHashMap<>();
    /** The latest refusals, so that awaiting a refused transaction says why; bounded, oldest dropped first. */
    private final Map<Hash, TransactionRefused> refusals = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Hash, TransactionRefused> eldest) {
            return size() > 10_000;
        }
    });

    /** See {@link LedgerService#awaitCommitted}. */
    long await(Node home, Hash transactionId, Duration timeout) {
        // registered before looking at the chain: a block committed from now on completes the future,
        // and one committed before is in the chain's index
        CompletableFuture<Long> inclusion = waiting.computeIfAbsent(transactionId, id -> new CompletableFuture<>());
        try {
            Optional<Long> height = committedHeight(home, transactionId);
            if (height.isPresent()) {
                return height.get();
            }
            if (!home.mempool().contains(transactionId)) {
                // the index learns of a block before the pool forgets what it included: look once more
                return committedHeight(home, transactionId).orElseThrow(() -> notWaiting(transactionId));
            }
            return inclusion.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return committedHeight(home, transactionId).orElseThrow(() -> new LedgerUnavailableException("Transaction "
                    + transactionId.shortHex() + " was not mined within " + describe(timeout)
                    + "; it stays queued and will be mined when the ledger catches up"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LedgerUnavailableException("Interrupted while waiting for a block");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof LedgerUnavailableException refused) {
                throw refused;
            }
            throw new LedgerUnavailableException("Waiting for a block failed: " + e.getCause());
        } finally {
            release(home, transactionId, inclusion);
        }
    }

    Optional<TransactionRefused> refusalOf(Hash transactionId) {
        return Optional.ofNullable(refusals.get(transactionId));
    }

    /** A block on the main chain includes {@code tx}: whoever waits for it gets its height. */
    void committed(TransactionCommitted tx) {
        CompletableFuture<Long> future = waiting.remove(tx.transactionId());
        if (future != null) {
            future.complete(tx.height());
        }
    }

    /** A block refused the transaction for good: it is kept, and whoever waits for it is told why. */
    void refused(TransactionRefused refusal) {
        refusals.put(refusal.transactionId(), refusal);
        CompletableFuture<Long> future = waiting.remove(refusal.transactionId());
        if (future != null) {
            future.completeExceptionally(new LedgerUnavailableException("Transaction " + refusal.transactionId().shortHex()
                    + " was refused by the ledger (" + refusal.rule() + ": " + refusal.reason() + ")"));
        }
    }

    private LedgerUnavailableException notWaiting(Hash transactionId) {
        TransactionRefused refusal = refusals.get(transactionId);
        if (refusal != null) {
            return new LedgerUnavailableException("Transaction " + transactionId.shortHex() + " was refused by the ledger ("
                    + refusal.rule() + ": " + refusal.reason() + ")");
        }
        return new LedgerUnavailableException("Transaction " + transactionId.shortHex() + " is neither in a block nor waiting for one "
                + "(a block refused it, or a restart lost it); it has to be sent again");
    }

    private static Optional<Long> committedHeight(Node home, Hash transactionId) {
        return home.chain().locate(transactionId).map(TxLocation::height);
    }

    /**
     * Forgets the future of a transaction that no longer waits in the pool (committed, or refused),
     * first completing it for anyone else awaiting the same transaction. One still waiting keeps its
     * future: the block that includes it completes and removes it.
     */
    private void release(Node home, Hash transactionId, CompletableFuture<Long> inclusion) {
        if (inclusion.isDone() || !home.mempool().contains(transactionId)) {
            committedHeight(home, transactionId).ifPresent(inclusion::complete);
            waiting.remove(transactionId, inclusion);
        }
    }

    private static String describe(Duration timeout) {
        return timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms";
    }
}

package org.careledger.ledger;

import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The signatures of one block, checked into a node's {@link SignatureCache} by the common pool's
 * workers while the caller does something else (a restart applies the previous block meanwhile), and
 * by the caller too once it {@link #finish finishes} them: so on 2 cores one core verifies the next
 * block while the other applies this one, and both verify when nothing else is left. Each signature
 * is checked once, by whichever thread takes its slice; a bad one is simply not cached, and the
 * block's own validation then finds it and names the failure.
 */
final class SignatureChecks {

    private static final int SLICE = 64;

    private final List<Transaction> txs;
    private final SignatureCache cache;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger done = new AtomicInteger();

    private SignatureChecks(List<Transaction> txs, SignatureCache cache) {
        this.txs = txs;
        this.cache = cache;
    }

    /** Starts checking {@code txs} on the common pool's workers. */
    static SignatureChecks start(List<Transaction> txs, SignatureCache cache) {
        SignatureChecks checks = new SignatureChecks(txs, cache);
        int workers = Math.max(1, ForkJoinPool.getCommonPoolParallelism());
        for (int i = 0; i < workers && i * SLICE < txs.size(); i++) {
            ForkJoinPool.commonPool().execute(checks::work);
        }
        return checks;
    }

    /** Checks what no worker has taken yet on this thread, then waits for the slices under way. */
    void finish() {
        work();
        while (done.get() < txs.size()) {
            Thread.yield(); // at most one slice per worker is left: a few milliseconds
        }
    }

    private void work() {
        int from;
        while ((from = next.getAndAdd(SLICE)) < txs.size()) {
            int to = Math.min(txs.size(), from + SLICE);
            try {
                for (int i = from; i < to; i++) {
                    try {
                        cache.isValid(txs.get(i));
                    } catch (RuntimeException e) {
                        // left to the block's validation, which checks again and names the failure
                    }
                }
            } finally {
                done.addAndGet(to - from); // counted whatever happened, so finish never waits for ever
            }
        }
    }
}

package org.careledger.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * One node's small pool of workers for the CPU-heavy part of admission, the signature check, so a
 * node admits transactions from its peers on several cores instead of on its single network-delivery
 * thread, and its admission overlaps with mining and with the validation of blocks. Each node has a
 * pool of its own (nodes share no workers and no signature cache).
 *
 * <p>Every task gets a sequence number; {@link #awaitSubmittedBefore} waits until every task
 * submitted before a given point has finished, so a node admits the transactions delivered before a
 * block before it validates that block, as when it admitted them one by one.
 */
final class AdmissionWorkers implements AutoCloseable {

    private final ThreadPoolExecutor pool;
    private final int threads;
    private final AtomicLong sequence = new AtomicLong();
    private final ConcurrentSkipListSet<Long> running = new ConcurrentSkipListSet<>();
    private final Object finished = new Object();

    AdmissionWorkers(String nodeName, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("A node needs at least one admission worker");
        }
        this.threads = threads;
        AtomicInteger count = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "careledger-admit-" + nodeName + "-" + count.getAndIncrement());
            t.setDaemon(true);
            return t;
        });
    }

    int threads() {
        return threads;
    }

    /**
     * Runs {@code task} on a worker; the future completes with its result or its exception. After
     * {@link #close} the future fails with a {@link RejectedExecutionException}.
     */
    <T> CompletableFuture<T> submit(Supplier<T> task) {
        CompletableFuture<T> result = new CompletableFuture<>();
        long seq;
        synchronized (finished) {
            // numbering and registering together: a waiter never misses a task numbered before its mark
            seq = sequence.incrementAndGet();
            running.add(seq);
        }
        try {
            pool.execute(() -> {
                try {
                    result.complete(task.get());
                } catch (Throwable e) {
                    result.completeExceptionally(e);
                } finally {
                    done(seq);
                }
            });
        } catch (RejectedExecutionException e) {
            done(seq);
            result.completeExceptionally(e);
        }
        return result;
    }

    private void done(long seq) {
        synchronized (finished) {
            running.remove(seq);
            finished.notifyAll();
        }
    }

    /** The number of the last task submitted so far: pass it to {@link #awaitSubmittedBefore}. */
    long mark() {
        synchronized (finished) {
            return sequence.get();
        }
    }

    /** Waits until every task numbered up to {@code mark} has finished. */
    void awaitSubmittedBefore(long mark) throws InterruptedException {
        synchronized (finished) {
            for (Long lowest = running.ceiling(0L); lowest != null && lowest <= mark; lowest = running.ceiling(0L)) {
                finished.wait();
            }
        }
    }

    /**
     * Checks the signatures of {@code txs} that {@code cache} does not yet hold, spread over the
     * workers and the calling thread, and returns once all are checked (the valid ones are then in
     * the cache; an invalid one is found again, and refused, by the rule that checks it). Never call
     * from a worker.
     */
    void verifySignatures(List<Transaction> txs, SignatureCache cache) throws InterruptedException {
        List<Transaction> unknown = new ArrayList<>();
        for (Transaction tx : txs) {
            if (!cache.contains(tx)) {
                unknown.add(tx);
            }
        }
        if (unknown.size() < 2 * threads) {
            return; // few: the rule checks them in line
        }
        AtomicInteger next = new AtomicInteger();
        AtomicInteger checked = new AtomicInteger();
        Object allChecked = new Object();
        Runnable share = () -> {
            for (int i = next.getAndIncrement(); i < unknown.size(); i = next.getAndIncrement()) {
                try {
                    cache.isValid(unknown.get(i));
                } catch (RuntimeException e) {
                    // left to the rule, which checks it again and refuses the block with the reason
                }
                if (checked.incrementAndGet() == unknown.size()) {
                    synchronized (allChecked) {
                        allChecked.notifyAll();
                    }
                }
            }
        };
        for (int i = 0; i < threads; i++) {
            // a helper that starts after the work is shared out finds nothing left and ends at once
            submit(() -> {
                share.run();
                return null;
            });
        }
        share.run();
        synchronized (allChecked) {
            while (checked.get() < unknown.size()) {
                allChecked.wait();
            }
        }
    }

    @Override
    public void close() {
        pool.shutdown();
        try {
            if (!pool.awaitTermination(5, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}

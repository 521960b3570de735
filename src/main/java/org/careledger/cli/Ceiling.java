package org.careledger.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.careledger.crypto.PublicKey;
import org.careledger.crypto.Secp256k1;
import org.careledger.crypto.Signature;
import org.careledger.ledger.Transaction;

/**
 * The bench's reference: raw {@link Secp256k1#verify} calls per second on {@code threads} threads
 * over the bench's own signatures, each thread taking its share of them in turn. No ledger code runs:
 * the signing hashes are computed before the clock starts. It verifies with the process's provider
 * ({@link Secp256k1#provider()}), the fastest the install uses, so a faster verifier raises the
 * ceiling, not the ratio. Distinct signatures, as the chain verifies them: one signature verified over
 * and over is about a tenth faster, because the processor learns the branches of its one input.
 */
final class Ceiling {

    private final PublicKey[] keys;
    private final byte[][] hashes;
    private final Signature[] signatures;

    Ceiling(List<Transaction> txs) {
        int n = Math.min(txs.size(), 4096);
        keys = new PublicKey[n];
        hashes = new byte[n][];
        signatures = new Signature[n];
        for (int i = 0; i < n; i++) {
            Transaction tx = txs.get(i);
            keys[i] = tx.sender();
            hashes[i] = tx.signingHash().bytes();
            signatures[i] = tx.signature();
        }
    }

    /** One window: {@code settleMillis} of verifying uncounted, then verifications per second over {@code millis}. */
    double verificationsPerSecond(int threads, long settleMillis, long millis) throws InterruptedException {
        if (settleMillis > 0) {
            run(threads, settleMillis);
        }
        return run(threads, millis) * 1000.0 / millis;
    }

    private long run(int threads, long millis) throws InterruptedException {
        AtomicLong count = new AtomicLong();
        AtomicReference<String> failure = new AtomicReference<>();
        long deadline = System.nanoTime() + millis * 1_000_000L;
        int distinct = keys.length;
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int first = (int) ((long) t * distinct / threads);
            Thread worker = new Thread(() -> {
                long local = 0;
                int i = first;
                while (System.nanoTime() < deadline) {
                    if (!Secp256k1.verify(keys[i], hashes[i], signatures[i])) {
                        failure.set("a valid signature failed to verify");
                        return;
                    }
                    local++;
                    i = i + 1 == distinct ? 0 : i + 1;
                }
                count.addAndGet(local);
            }, "careledger-bench-verify-" + t);
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) {
            worker.join();
        }
        if (failure.get() != null) {
            throw new IllegalStateException(failure.get());
        }
        return count.get();
    }
}

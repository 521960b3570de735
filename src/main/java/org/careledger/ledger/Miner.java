package org.careledger.ledger;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * Searches nonces for a header that meets its proof-of-work target, on its own worker threads (never
 * the caller's). Thread i tries nonces i, i+T, i+2T, ... rewriting only the nonce bytes of one header
 * buffer, so a try costs one SHA-256 of the 152 bytes and no allocation. A search ends as soon as a
 * worker finds a nonce or {@link Search#cancel()} is called, for example because a competing valid
 * block at the same height arrived.
 */
public final class Miner implements AutoCloseable {

    private static final int CHECK_EVERY = 1 << 10;

    private final int threads;
    private final ExecutorService workers;
    /** Hashes tried by every search so far, counted in steps of {@value #CHECK_EVERY}: for a hash rate. */
    private final LongAdder hashes = new LongAdder();

    public Miner(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("A miner needs at least one thread");
        }
        this.threads = threads;
        AtomicInteger count = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "careledger-miner-" + count.incrementAndGet());
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            return t;
        };
        this.workers = Executors.newFixedThreadPool(threads, factory);
    }

    /** A miner with one thread per core. */
    public static Miner withAllCores() {
        return new Miner(Runtime.getRuntime().availableProcessors());
    }

    public int threads() {
        return threads;
    }

    /** Hashes tried by every search of this miner so far (a stopped search's last few excepted). */
    public long hashesTried() {
        return hashes.sum();
    }

    /** A running search; its result is empty if it was cancelled. */
    public static final class Search {
        private final AtomicBoolean stop = new AtomicBoolean();
        private final CompletableFuture<Optional<BlockHeader>> result = new CompletableFuture<>();

        public void cancel() {
            stop.set(true);
            result.complete(Optional.empty());
        }

        public CompletableFuture<Optional<BlockHeader>> result() {
            return result;
        }

        public boolean isCancelled() {
            return stop.get() && result.isDone() && result.getNow(Optional.empty()).isEmpty();
        }
    }

    /** Starts searching from the template's header; the template's own nonce is ignored. */
    public Search start(BlockHeader template) {
        Search search = new Search();
        byte[] target = ProofOfWork.target(template.difficulty());
        byte[] prototype = template.encode();
        AtomicInteger running = new AtomicInteger(threads);
        AtomicReference<BlockHeader> found = new AtomicReference<>();
        List<Runnable> tasks = new ArrayList<>(threads);
        for (int i = 0; i < threads; i++) {
            long first = i;
            tasks.add(() -> {
                try {
                    long nonce = searchFrom(prototype.clone(), target, first, threads, search.stop, hashes);
                    if (nonce >= 0 && found.compareAndSet(null, template.withNonce(nonce))) {
                        search.stop.set(true);
                        search.result.complete(Optional.of(found.get()));
                    }
                } catch (RuntimeException e) {
                    search.stop.set(true);
                    search.result.completeExceptionally(e);
                } finally {
                    if (running.decrementAndGet() == 0) {
                        search.result.complete(Optional.empty());
                    }
                }
            });
        }
        tasks.forEach(workers::execute);
        return search;
    }

    /** Returns the nonce found, or -1 if stopped or the nonce space of this worker ran out. */
    static long searchFrom(byte[] header, byte[] target, long first, int stride, AtomicBoolean stop) {
        return searchFrom(header, target, first, stride, stop, new LongAdder());
    }

    private static long searchFrom(byte[] header, byte[] target, long first, int stride, AtomicBoolean stop, LongAdder hashes) {
        MessageDigest sha = sha256();
        byte[] digest = new byte[32];
        long nonce = first;
        int sinceCheck = 0;
        while (nonce >= 0) {
            writeNonce(header, nonce);
            sha.update(header, 0, header.length);
            try {
                sha.digest(digest, 0, 32);
            } catch (DigestException e) {
                throw new IllegalStateException(e);
            }
            if (ProofOfWork.meets(digest, target)) {
                hashes.add(sinceCheck + 1);
                return nonce;
            }
            if (++sinceCheck == CHECK_EVERY) {
                hashes.add(CHECK_EVERY);
                sinceCheck = 0;
                if (stop.get()) {
                    return -1;
                }
            }
            nonce += stride;
        }
        return -1;
    }

    static void writeNonce(byte[] header, long nonce) {
        for (int i = 0; i < 8; i++) {
            header[BlockHeader.NONCE_OFFSET + i] = (byte) (nonce >>> (56 - 8 * i));
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JDK has no SHA-256", e);
        }
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}

package org.careledger.ledger;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;

/**
 * A node's block producer: a thread of its own that, when transactions wait, assembles a template
 * on the current tip, lets the {@link Miner} search the nonce, seals the block and hands it to the
 * node. A new tip from elsewhere cancels the running search at once.
 *
 * <p>Sealers take turns, as Clique-style consortia do: the block at height h is mined at once by
 * sealer {@code h mod n} (genesis order); another sealer mines it only once it has had work waiting
 * on the current tip for {@link #outOfTurnMillis} times its place after the in-turn sealer (the next
 * in line first, then the one after), so a sealer that is down does not stop the chain, while in the
 * normal case the nodes do not race each other into competing blocks. The wait is counted from when
 * work arrived, not from the last block: after a quiet spell the in-turn sealer still goes first.
 * Proof of work and fork choice still decide between any blocks that do compete.
 */
final class Producer implements AutoCloseable {

    private static final long BATCH_MILLIS = 20;
    /** A wait that never ends in practice, yet leaves room to add a clock reading without overflow. */
    private static final long NEVER = Long.MAX_VALUE / 4;

    private final Node node;
    private final Miner miner;
    private final LongSupplier clockMillis;
    private final long idleMillis;
    private final Object signal = new Object();
    private volatile boolean running;
    private volatile Miner.Search current;
    /** While true this node seals nothing, yet still validates and follows the chain. */
    private volatile boolean paused;
    /** Hashes per second over the recent searches; 0 before one has run. */
    private volatile double hashesPerSecond;
    /** Hashes and search time of the recent searches (producer thread only), halved as they pass {@link #RATE_WINDOW_NANOS}. */
    private double windowHashes;
    private double windowNanos;
    private static final long RATE_WINDOW_NANOS = TimeUnit.SECONDS.toNanos(10);
    /** Since when this node has had transactions waiting on the current tip; -1 while it has none. */
    private volatile long workSince = -1;
    private final long outOfTurnMillis;
    private Thread thread;

    Producer(Node node, int threads, LongSupplier clockMillis, long targetBlockMillis) {
        this.node = node;
        this.miner = new Miner(threads);
        this.clockMillis = clockMillis;
        this.idleMillis = Math.max(50, targetBlockMillis);
        this.outOfTurnMillis = Math.max(1000, 5 * targetBlockMillis);
    }

    void start() {
        running = true;
        thread = new Thread(this::loop, "careledger-producer-" + node.name());
        thread.setDaemon(true);
        thread.start();
    }

    void wake() {
        synchronized (signal) {
            signal.notifyAll();
        }
    }

    /** A block from elsewhere became the tip: whatever is being mined is now stale. */
    void tipChanged() {
        workSince = node.mempool().size() == 0 ? -1 : clockMillis.getAsLong();
        Miner.Search search = current;
        if (search != null) {
            search.cancel();
        }
        wake();
    }

    /** Stops sealing (a search under way is abandoned) until {@link #resume}; validating and following go on. */
    void pause() {
        paused = true;
        Miner.Search search = current;
        if (search != null) {
            search.cancel();
        }
        wake();
    }

    void resume() {
        paused = false;
        workSince = node.mempool().size() == 0 ? -1 : clockMillis.getAsLong();
        wake();
    }

    boolean paused() {
        return paused;
    }

    /** The hash rate of this node's last block search, in hashes per second; 0 if it has not mined yet. */
    double hashesPerSecond() {
        return hashesPerSecond;
    }

    private void loop() {
        while (running) {
            try {
                if (paused || node.mempool().size() == 0) {
                    workSince = -1;
                    synchronized (signal) {
                        signal.wait(idleMillis);
                    }
                    continue;
                }
                if (workSince < 0) {
                    workSince = clockMillis.getAsLong();
                }
                Thread.sleep(BATCH_MILLIS);
                long wait = turnWait();
                if (wait > 0) {
                    synchronized (signal) {
                        signal.wait(wait);
                    }
                    continue;
                }
                produceOne();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                System.getLogger(Producer.class.getName()).log(System.Logger.Level.WARNING,
                        "Producer of " + node.name() + " failed: " + e);
            }
        }
    }

    /** How long this node should still leave the next block to the sealers before it in turn. */
    private long turnWait() {
        long wait = waitBeforeMining(node.chain().genesis().sealers().size(), node.sealerIndex(), node.chain().height() + 1,
                outOfTurnMillis);
        if (wait == 0) {
            return 0;
        }
        long now = clockMillis.getAsLong();
        long since = workSince;
        return Math.max(0, (since < 0 ? now : since) + wait - now);
    }

    /**
     * How long after work arrives sealer {@code index} of {@code sealers} starts mining the block at
     * {@code height}: at once in its turn, else {@code outOfTurnMillis} for each sealer before it in
     * line (the in-turn sealer, then the ones after it in genesis order).
     */
    static long waitBeforeMining(int sealers, int index, long height, long outOfTurnMillis) {
        if (index < 0) {
            return NEVER; // not a sealer of this chain: its blocks would be refused
        }
        if (sealers == 1) {
            return 0;
        }
        long inTurn = height % sealers;
        long place = Math.floorMod(index - inTurn, sealers);
        return place * outOfTurnMillis;
    }

    private void produceOne() throws InterruptedException {
        Chain chain = node.chain();
        int max = chain.genesis().parameters().maxBlockTransactions();
        List<Transaction> candidates = node.mempool().select(chain.tipStateForReading(), max);
        if (candidates.isEmpty()) {
            synchronized (signal) {
                signal.wait(idleMillis);
            }
            return;
        }
        BlockAssembler.Template template = BlockAssembler.assemble(chain, candidates, node.sealerKey().address(), clockMillis.getAsLong());
        if (!template.refused().isEmpty()) {
            List<BlockAssembler.Refused> permanent = template.refused().stream().filter(BlockAssembler.Refused::permanent).toList();
            node.mempool().dropRefused(permanent.stream().map(BlockAssembler.Refused::transaction).toList());
            node.mempool().removeIncluded(List.of(), chain.tipStateForReading());
            node.refused(permanent);
        }
        if (template.transactions().isEmpty()) {
            return;
        }
        if (paused) {
            return;
        }
        long startedNanos = System.nanoTime();
        long hashesBefore = miner.hashesTried();
        Miner.Search search = miner.start(template.header());
        current = search;
        if (!chain.tip().hash().equals(template.header().previousHash())) {
            search.cancel();
        }
        Optional<BlockHeader> mined;
        try {
            mined = search.result().get(10, TimeUnit.MINUTES);
        } catch (ExecutionException | TimeoutException e) {
            search.cancel();
            return;
        } finally {
            current = null;
            noteRate(miner.hashesTried() - hashesBefore, System.nanoTime() - startedNanos);
        }
        if (paused) {
            return; // paused while it searched: the block is not sealed
        }
        mined.ifPresent(header -> node.produced(Block.seal(header, node.sealerKey(), template.transactions()), template.after()));
    }

    /** Adds a search to the rate: a fast search (a low difficulty) counts as little as its few hashes weigh. */
    private void noteRate(long hashes, long nanos) {
        windowHashes += hashes;
        windowNanos += Math.max(1, nanos);
        if (windowNanos > RATE_WINDOW_NANOS) {
            windowHashes /= 2;
            windowNanos /= 2;
        }
        if (windowHashes > 0) {
            hashesPerSecond = windowHashes * 1e9 / windowNanos;
        }
    }

    /**
     * Stops producing. The thread is asked to stop and joined rather than interrupted: an interrupt
     * while it appends a block would close the block store's file channel under it.
     */
    @Override
    public void close() {
        running = false;
        Miner.Search search = current;
        if (search != null) {
            search.cancel();
        }
        wake();
        if (thread != null) {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (thread.isAlive()) {
                thread.interrupt();
            }
        }
        miner.close();
    }
}

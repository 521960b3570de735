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
 * sealer {@code h mod n} (genesis order); the others mine it only if the chain has not moved for
 * {@link #outOfTurnMillis}, so a sealer that is down does not stop the chain, while in the normal
 * case the nodes do not race each other into competing blocks. Proof of work and fork choice still
 * decide between any blocks that do compete.
 */
final class Producer implements AutoCloseable {

    private static final long BATCH_MILLIS = 20;

    private final Node node;
    private final Miner miner;
    private final LongSupplier clockMillis;
    private final long idleMillis;
    private final Object signal = new Object();
    private volatile boolean running;
    private volatile Miner.Search current;
    private volatile long tipChangedAt;
    private final long outOfTurnMillis;
    private Thread thread;

    Producer(Node node, int threads, LongSupplier clockMillis, long targetBlockMillis) {
        this.node = node;
        this.miner = new Miner(threads);
        this.clockMillis = clockMillis;
        this.idleMillis = Math.max(50, targetBlockMillis);
        this.outOfTurnMillis = Math.max(1000, 5 * targetBlockMillis);
        this.tipChangedAt = clockMillis.getAsLong();
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
        tipChangedAt = clockMillis.getAsLong();
        Miner.Search search = current;
        if (search != null) {
            search.cancel();
        }
        wake();
    }

    private void loop() {
        while (running) {
            try {
                if (node.mempool().size() == 0) {
                    synchronized (signal) {
                        signal.wait(idleMillis);
                    }
                    continue;
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

    /** How long this node should still leave the next block to the sealer whose turn it is. */
    private long turnWait() {
        int sealers = node.chain().genesis().sealers().size();
        long next = node.chain().height() + 1;
        if (sealers == 1 || next % sealers == node.sealerIndex()) {
            return 0;
        }
        return Math.max(0, tipChangedAt + outOfTurnMillis - clockMillis.getAsLong());
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
            node.mempool().dropRefused(template.refused().stream().filter(BlockAssembler.Refused::permanent)
                    .map(BlockAssembler.Refused::transaction).toList());
            node.mempool().removeIncluded(List.of(), chain.tipStateForReading());
        }
        if (template.transactions().isEmpty()) {
            return;
        }
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
        }
        mined.ifPresent(header -> node.produced(Block.seal(header, node.sealerKey(), template.transactions())));
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

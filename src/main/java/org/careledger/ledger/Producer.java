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
    private Thread thread;

    Producer(Node node, int threads, LongSupplier clockMillis, long targetBlockMillis) {
        this.node = node;
        this.miner = new Miner(threads);
        this.clockMillis = clockMillis;
        this.idleMillis = Math.max(50, targetBlockMillis);
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
                produceOne();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                System.getLogger(Producer.class.getName()).log(System.Logger.Level.WARNING,
                        "Producer of " + node.name() + " failed: " + e);
            }
        }
    }

    private void produceOne() throws InterruptedException {
        Chain chain = node.chain();
        int max = chain.genesis().parameters().maxBlockTransactions();
        List<Transaction> candidates = node.mempool().select(chain.tipState(), max);
        if (candidates.isEmpty()) {
            synchronized (signal) {
                signal.wait(idleMillis);
            }
            return;
        }
        BlockAssembler.Template template = BlockAssembler.assemble(chain, candidates, node.sealerKey().address(), clockMillis.getAsLong());
        if (!template.refused().isEmpty()) {
            node.mempool().removeIncluded(template.refused().stream().map(BlockAssembler.Refused::transaction).toList(), chain.tipState());
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

    @Override
    public void close() {
        running = false;
        Miner.Search search = current;
        if (search != null) {
            search.cancel();
        }
        if (thread != null) {
            thread.interrupt();
        }
        miner.close();
    }
}

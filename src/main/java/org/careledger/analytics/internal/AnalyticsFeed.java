package org.careledger.analytics.internal;

import jakarta.annotation.PreDestroy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import org.careledger.contracts.ContractState;
import org.careledger.node.BlockMined;
import org.careledger.node.CommittedBlock;
import org.careledger.node.LedgerService;
import org.careledger.node.TransactionCommitted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the analytics read model in step with the home node's main chain, off the ledger's thread, as
 * the explorer's feed does: each mined block is read back as committed ({@link LedgerService#committedAfter})
 * and its facts applied with the block's height in one transaction. A block at or below the height
 * applied is a reorganisation: what was applied from that height up is taken back first. After a
 * start it catches up from the height it stored, in the background, never on the start path.
 */
@Component
public class AnalyticsFeed {

    private static final Logger log = LoggerFactory.getLogger(AnalyticsFeed.class);
    private static final int BLOCKS_PER_STEP = 200;

    private final LedgerService ledger;
    private final FactStore store;
    private final FactSources sources;
    private final org.careledger.analytics.AnalyticsUpdates updates;
    private final CubeCache cubes;
    private final Expiries expiries;
    private final BlockRows blockRows;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "careledger-analytics-feed");
        t.setDaemon(true);
        return t;
    });

    AnalyticsFeed(LedgerService ledger, FactStore store, BlockRows blockRows, FactSources sources, CubeCache cubes, Expiries expiries,
                  org.careledger.analytics.AnalyticsUpdates updates) {
        this.ledger = ledger;
        this.blockRows = blockRows;
        this.expiries = expiries;
        this.cubes = cubes;
        this.store = store;
        this.sources = sources;
        this.updates = updates;
        ledger.whenReady(() -> onWorker(this::catchUp));
    }

    @EventListener
    void on(BlockMined block) {
        onWorker(this::catchUp);
    }

    /** Catches up on the feed's own thread: for the rebuild command and tests. */
    public Future<?> catchUpInBackground() {
        return worker.submit(this::catchUp);
    }

    /** Empties the read model and re-derives it from the chain, on the feed's thread. */
    public Future<?> rebuildInBackground() {
        return worker.submit(() -> {
            store.clear();
            catchUp();
        });
    }

    /**
     * Takes back what a reorganisation replaced (the blocks applied that the main chain no longer has),
     * then applies every main-chain block above the height applied, a step of blocks per transaction.
     */
    void catchUp() {
        try {
            long applied = store.appliedHeight();
            long shared = applied;
            while (shared > 0 && !onMainChain(shared)) {
                shared--;
            }
            if (shared < applied) {
                log.info("Analytics: the chain reorganised above height {}; taking back what was applied above it", shared);
                store.rollBackFrom(shared + 1);
            }
            List<CommittedBlock> blocks;
            do {
                blocks = ledger.committedAfter(store.appliedHeight(), BLOCKS_PER_STEP);
                if (blocks.isEmpty()) {
                    return;
                }
                ContractState state = ledger.committedStateForReading();
                List<Fact> facts = new ArrayList<>();
                List<TokenFlows.TokenMove> moves = new ArrayList<>();
                List<Expiries.Expiry> issued = new ArrayList<>();
                for (CommittedBlock b : blocks) {
                    for (TransactionCommitted tx : b.transactions()) {
                        facts.addAll(sources.of(tx, b.block().time(), state));
                        moves.addAll(TokenMoveSources.of(tx, b.block().time(), state));
                        sources.expiryOf(tx, state).ifPresent(issued::add);
                    }
                }
                // prescriptions whose expiry this step's last block passed: registered before, or issued in it
                CommittedBlock last = blocks.get(blocks.size() - 1);
                java.time.Instant until = last.block().time();
                List<Expiries.Expiry> due = new ArrayList<>(expiries.due(until));
                issued.stream().filter(e -> !e.expiresAt().isAfter(until)).forEach(due::add);
                facts.addAll(sources.expiredFacts(due, last.block().height(), state));
                List<BlockRow> step = new ArrayList<>();
                boolean atTip = blocks.size() < BLOCKS_PER_STEP;
                Integer mempool = atTip ? ledger.summary().pendingTransactions() : null; // a catch-up's blocks: unknown
                for (CommittedBlock b : blocks) {
                    BlockMined m = b.block();
                    long difficulty = ledger.headerAt(m.height()).map(h -> h.difficulty()).orElse(0L);
                    step.add(new BlockRow(m.height(), m.hash().hex(), m.time(), difficulty, m.transactions(),
                            atTip && b == blocks.get(blocks.size() - 1) ? mempool : null));
                }
                store.apply(facts, moves, issued, due.stream().map(Expiries.Expiry::rxId).toList(), step);
                updates.applied(step.get(step.size() - 1).height());
            } while (blocks.size() == BLOCKS_PER_STEP);
        } catch (RuntimeException e) {
            log.warn("Analytics could not catch up with the chain now; the next block tries again: {}", e.toString());
        } finally {
            cubes.liveChanged(); // the figures looked at lately are prepared again, in the background
        }
    }

    /** Whether the block applied at {@code height} is still the main chain's (a height never applied counts as shared). */
    private boolean onMainChain(long height) {
        Optional<String> mine = blockRows.hashAt(height);
        return mine.isEmpty() || ledger.headerAt(height).map(h -> h.hash().hex().equals(mine.get())).orElse(false);
    }

    private void onWorker(Runnable task) {
        try {
            worker.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    log.warn("Analytics feed: {}", e.toString());
                }
            });
        } catch (RejectedExecutionException e) {
            // shutting down: the next start catches up from the stored height
        }
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}

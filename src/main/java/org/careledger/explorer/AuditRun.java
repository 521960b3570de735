package org.careledger.explorer;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.careledger.ledger.StoredChain;

/**
 * One integrity audit while it runs: which node of how many it is checking, how many of that store's
 * records are done, and whether it was asked to stop. Written by the audit's thread, read by anyone.
 * Progress counts each node as an equal share (the consortium's nodes hold the same chain); the
 * time left is the time so far scaled by the share still to do, once 1 % is done.
 */
final class AuditRun implements StoredChain.Progress {

    private static final double ESTIMATE_FROM = 0.01;

    final Instant startedAt;
    final String startedBy;
    final List<String> nodes;
    private final long startedNanos = System.nanoTime();
    private final java.util.function.BiConsumer<AuditRun, Boolean> onAdvance;
    private volatile int nodeIndex;
    private volatile int records;
    private volatile int total;
    private volatile boolean cancelled;

    /** {@code onAdvance} is told of each step, and whether it is the start of a node. */
    AuditRun(Instant startedAt, String startedBy, List<String> nodes, java.util.function.BiConsumer<AuditRun, Boolean> onAdvance) {
        this.startedAt = startedAt;
        this.startedBy = startedBy;
        this.nodes = List.copyOf(nodes);
        this.onAdvance = onAdvance;
    }

    /** The audit moves on to node {@code index}. */
    void node(int index) {
        nodeIndex = index;
        records = 0;
        total = 0;
        onAdvance.accept(this, true);
    }

    @Override
    public void advanced(int records, int total) {
        this.records = records;
        this.total = total;
        onAdvance.accept(this, false);
    }

    @Override
    public boolean cancelled() {
        return cancelled;
    }

    void cancel() {
        cancelled = true;
    }

    /** The share done, 0 to 1. */
    double done() {
        if (nodes.isEmpty()) {
            return 1;
        }
        int t = total;
        double current = t == 0 ? 0 : Math.min(1, (double) records / t);
        return Math.min(1, (nodeIndex + current) / nodes.size());
    }

    AuditProgress progress() {
        double done = done();
        long elapsed = System.nanoTime() - startedNanos;
        Optional<Duration> left = done < ESTIMATE_FROM ? Optional.empty()
                : Optional.of(Duration.ofNanos((long) (elapsed * (1 - done) / done)));
        String node = nodeIndex < nodes.size() ? nodes.get(nodeIndex) : null;
        return new AuditProgress(true, done * 100, left, node, startedAt, startedBy, Optional.empty());
    }
}

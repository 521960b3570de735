package org.careledger.explorer;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One finished integrity audit, as kept in table {@code integrity_audits}: who started it, when it
 * started and ended, how it ended, and what it found in each node it got through (every node unless
 * it was cancelled or failed).
 */
public record AuditReport(long id, Instant startedAt, Instant finishedAt, String startedBy, Outcome outcome, String detail,
                          List<AuditedNode> nodes) {

    public enum Outcome {
        /** Every node's store re-validated from genesis and found valid. */
        VALID,
        /** At least one node's store holds a bad record or block. */
        INVALID,
        /** An admin stopped it; the nodes it got through are kept. */
        CANCELLED,
        /** It could not run to the end (the ledger stopped, a store could not be read at all). */
        FAILED
    }

    public AuditReport {
        nodes = List.copyOf(nodes);
    }

    public Duration took() {
        return Duration.between(startedAt, finishedAt);
    }

    /** What it found in node {@code name}, if it got to it. */
    public Optional<AuditedNode> node(String name) {
        return nodes.stream().filter(n -> n.node().equals(name)).findFirst();
    }
}

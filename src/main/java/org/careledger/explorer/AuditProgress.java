package org.careledger.explorer;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Where the integrity audit is: whether one runs, how far it got over every node's store (0–100 %),
 * an estimate of the time left (once there is enough to go by), the node it is checking, who started
 * it and when; and, in the notice sent as it ends, the report it kept.
 */
public record AuditProgress(boolean running, double percent, Optional<Duration> timeLeft, String currentNode, Instant startedAt,
                            String startedBy, Optional<AuditReport> finished) {

    /** No audit running. */
    public static final AuditProgress IDLE = new AuditProgress(false, 0, Optional.empty(), null, null, null, Optional.empty());
}

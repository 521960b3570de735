package org.careledger.analytics.internal;

import java.time.Instant;

/** A block as the ledger charts draw it; {@code mempool} is null when unknown (a block applied in a catch-up). */
public record BlockRow(long height, String hash, Instant time, long difficulty, int transactions, Integer mempool) {
}

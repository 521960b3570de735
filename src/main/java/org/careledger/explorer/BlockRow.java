package org.careledger.explorer;

import java.time.Instant;

import org.careledger.ledger.Hash;

/** A block in a list: height, hash, time, how many transactions, and its sealer's node. */
public record BlockRow(long height, Hash hash, Instant time, int transactions, String sealerNode, long difficulty) {
}

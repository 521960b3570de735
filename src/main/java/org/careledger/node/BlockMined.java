package org.careledger.node;

import java.time.Instant;

import org.careledger.crypto.Address;
import org.careledger.ledger.Hash;

/**
 * The portal's home node made a block part of its main chain, durably: its height, hash, time,
 * how many transactions it holds and which sealer mined it.
 */
public record BlockMined(long height, Hash hash, Instant time, int transactions, Address sealer) {
}

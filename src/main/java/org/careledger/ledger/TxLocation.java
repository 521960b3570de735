package org.careledger.ledger;

import java.util.Objects;

/**
 * Where a committed transaction sits on a node's main chain: the block's height and hash, the
 * transaction's place in that block, and the block's time (what the portal shows as "committed in
 * block N at T").
 *
 * @param height    the block's height, at least 1
 * @param index     the transaction's position in the block, from 0
 * @param blockHash the block's hash
 * @param blockTime the block's timestamp, milliseconds since the epoch
 */
public record TxLocation(long height, int index, Hash blockHash, long blockTime) {

    public TxLocation {
        if (height < 1) {
            throw new IllegalArgumentException("A committed transaction is in a block at height 1 or above, not " + height);
        }
        if (index < 0) {
            throw new IllegalArgumentException("A transaction's index in its block is never negative");
        }
        Objects.requireNonNull(blockHash, "blockHash");
    }
}

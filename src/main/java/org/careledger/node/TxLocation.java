package org.careledger.node;

import org.careledger.ledger.Hash;

/** Where a committed transaction is: the block's height, hash and time. */
public record TxLocation(long height, Hash blockHash, long blockTime) {
}

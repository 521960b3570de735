package org.careledger.explorer;

/** Where a transaction stands: waiting in the pool, in a block of the main chain, or refused for good by a block. */
public enum TxStatus {
    PENDING, COMMITTED, REFUSED
}

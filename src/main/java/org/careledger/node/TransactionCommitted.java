package org.careledger.node;

/** A transaction is in a block on the home node's main chain, durably. */
public record TransactionCommitted(String transactionId, long height, String sender) {
}

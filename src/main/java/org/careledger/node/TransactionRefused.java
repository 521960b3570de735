package org.careledger.node;

import org.careledger.crypto.Address;
import org.careledger.ledger.ContractCall;
import org.careledger.ledger.Hash;

/**
 * The home node, assembling a block, refused a waiting transaction for good and dropped it: a
 * contract's rule (say {@code consent.notPending}, when two decisions on one request race) or a fee
 * the sender cannot pay. {@code rule} names the rule, {@code reason} says what it found. The
 * transaction will never be mined; the sender's later transactions left the pool with it and have
 * to be signed again.
 */
public record TransactionRefused(Hash transactionId, Address sender, ContractCall call, String rule, String reason) {
}

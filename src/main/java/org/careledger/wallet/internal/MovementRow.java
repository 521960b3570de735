package org.careledger.wallet.internal;

import java.time.Instant;

/**
 * One committed transaction as one account's wallet saw it: the signed amount (received positive),
 * the fee the account paid, the other party if any, the call, and where it is on the chain.
 * Addresses are kept as lower-case hex, as the ledger's keys are.
 */
public record MovementRow(String txId, String account, String counterpart, String callName, long amount, long fee, long height,
                          Instant blockTime) {
}

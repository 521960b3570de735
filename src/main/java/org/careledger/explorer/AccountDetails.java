package org.careledger.explorer;

/**
 * An account's page: balance and nonce from the committed state, its role on the chain's registry
 * (null if unregistered), its index among the dev chain's accounts (null otherwise), and a page of
 * its transactions from the per-address index.
 */
public record AccountDetails(AddressLabel account, long balance, long nonce, String chainRole, Integer devIndex, long transactionCount,
                             TxPage transactions) {
}

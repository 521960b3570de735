package org.careledger.explorer;

/**
 * One of the chain's genesis accounts as Ganache lists them: index, address (named where the viewer
 * may read the name), balance and transaction count (its nonce). {@code keyAvailable}: the chain is
 * the dev genesis, whose keys are public test keys, so {@link AccountExplorer#devKey} reveals it.
 */
public record DevAccount(int index, AddressLabel account, long balance, long transactionCount, boolean keyAvailable) {
}

package org.careledger.contracts;

import java.util.concurrent.ConcurrentHashMap;

import org.careledger.crypto.Address;

/**
 * The state keys of one kind for each account ({@code tokens.balance/0x…}), each built once: every
 * transaction reads and writes its sender's nonce and balance at each node, and building the key anew
 * each time was a fifth of what the ledger allocated under load. A key is a pure function of the
 * account, so a remembered one is exactly the key built again. Bounded: when full, it starts afresh.
 */
final class AccountKeys {

    static final int CAPACITY = 4096;

    private final String prefix;
    private final ConcurrentHashMap<Address, String> keys = new ConcurrentHashMap<>();

    AccountKeys(String prefix) {
        this.prefix = prefix;
    }

    String of(Address account) {
        String key = keys.get(account);
        if (key != null) {
            return key;
        }
        key = prefix + account.toLowerHex();
        if (keys.size() >= CAPACITY) {
            keys.clear();
        }
        keys.putIfAbsent(account, key);
        return key;
    }
}

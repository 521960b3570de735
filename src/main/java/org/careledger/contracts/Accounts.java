package org.careledger.contracts;

import org.careledger.crypto.Address;

/** Keys of the per-account entries the ledger itself needs: the next nonce. */
final class Accounts {

    /** The name the ledger's own keys start with (then '.'), so no contract may take it. */
    static final String OWNER = "account";
    private static final AccountKeys NONCE_KEYS = new AccountKeys(OWNER + ".nonce/");

    private Accounts() {
    }

    static String nonceKey(Address account) {
        return NONCE_KEYS.of(account);
    }
}

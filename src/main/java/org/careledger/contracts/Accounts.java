package org.careledger.contracts;

import org.careledger.crypto.Address;

/** Keys of the per-account entries the ledger itself needs: the next nonce. */
final class Accounts {

    private Accounts() {
    }

    static String nonceKey(Address account) {
        return "account.nonce/" + account.toLowerHex();
    }
}

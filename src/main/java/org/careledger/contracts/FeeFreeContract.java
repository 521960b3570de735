package org.careledger.contracts;

import org.careledger.ledger.ContractCall;
import org.careledger.ledger.Genesis;

/**
 * A contract whose calls carry no fee: a patient deciding about their own data, an admin
 * registering a user, a reader recording an access never needs tokens. Spam is bounded by the
 * mempool's per-sender limits instead.
 */
abstract class FeeFreeContract implements Contract {

    private final String name;

    FeeFreeContract(String name) {
        this.name = name;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final long minimumFee(ContractCall call, Genesis.Parameters parameters) {
        return 0;
    }
}

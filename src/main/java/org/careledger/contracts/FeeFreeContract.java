package org.careledger.contracts;

import org.careledger.ledger.ContractCall;
import org.careledger.ledger.Genesis;

/**
 * A contract whose calls carry no fee: a patient deciding about their own data, an admin
 * registering a user, a reader recording an access never needs tokens. What bounds spam instead is
 * each node's mempool: a sender other than a sealer may have only so many fee-free transactions
 * waiting, in number and in bytes ({@link org.careledger.ledger.MempoolLimits#standard()}: 1,000 and
 * 1 MiB), and is told to send again later beyond that; nothing bounds how many a sender gets mined
 * over time.
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

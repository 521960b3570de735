package org.careledger.contracts;

import org.careledger.crypto.Address;
import org.careledger.ledger.BlockContext;
import org.careledger.ledger.Transaction;

/** What a contract sees while it runs: the transaction, the block and the (staged) state. */
public record CallContext(Transaction transaction, BlockContext block, StateView state) {

    public Address sender() {
        return transaction.senderAddress();
    }
}

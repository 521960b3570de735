package org.careledger.contracts;

import org.careledger.crypto.Address;
import org.careledger.ledger.BlockContext;
import org.careledger.ledger.Transaction;

/**
 * What a contract sees while it runs: the transaction, the block and the state. Its
 * {@link #state()} reads every key but writes only the running contract's own, those starting with
 * its name and '.'; any other write refuses the transaction under {@code contract.foreignWrite}.
 */
public final class CallContext {

    private final Transaction transaction;
    private final BlockContext block;
    private final String contract;
    private final StateView state;

    private CallContext(Transaction transaction, BlockContext block, StateView staged, String contract) {
        this.transaction = transaction;
        this.block = block;
        this.contract = contract;
        this.state = new OwnKeys(contract, staged);
    }

    /** The context of {@code contract}, called by {@code transaction}, over the transaction's staged writes. */
    static CallContext of(Transaction transaction, BlockContext block, StateView staged, String contract) {
        return new CallContext(transaction, block, staged, contract);
    }

    public Transaction transaction() {
        return transaction;
    }

    public BlockContext block() {
        return block;
    }

    /** Who signed the transaction. */
    public Address sender() {
        return transaction.senderAddress();
    }

    /** The contract this context runs: the state lets it write its own keys only. */
    public String contract() {
        return contract;
    }

    /** The transaction's state so far: every key to read, the running contract's own keys to write. */
    public StateView state() {
        return state;
    }
}

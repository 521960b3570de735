package org.careledger.node;

import java.util.List;

import org.careledger.crypto.Address;
import org.careledger.ledger.ContractCall;
import org.careledger.ledger.Hash;

/**
 * A transaction is in a block on the home node's main chain, durably: which block, who sent it,
 * which contract and method it called with which arguments, the fee it paid and every address it
 * names (its parties: the sender first, then each address among the arguments, once). A wallet
 * history or a read model can listen to these without decoding blocks.
 *
 * <p>A reorganisation that re-includes a transaction announces it again, with its new block;
 * listeners key what they keep by transaction id.
 */
public record TransactionCommitted(Hash transactionId, long height, Hash blockHash, Address sender, ContractCall call, long fee,
                                   List<Address> parties) {

    public TransactionCommitted {
        parties = List.copyOf(parties);
    }

    public String contract() {
        return call.contract();
    }

    public String method() {
        return call.method();
    }
}

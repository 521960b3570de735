package org.careledger.node;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.careledger.crypto.Address;
import org.careledger.ledger.Arg;
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

    /** The sender, then every address among the call's arguments (inside lists too), each once, in order. */
    public static List<Address> partiesOf(Address sender, ContractCall call) {
        Set<Address> parties = new LinkedHashSet<>();
        parties.add(sender);
        addAddresses(call.args(), parties);
        return new ArrayList<>(parties);
    }

    private static void addAddresses(List<Arg> args, Set<Address> into) {
        for (Arg arg : args) {
            if (arg instanceof Arg.Addr a) {
                into.add(a.value());
            } else if (arg instanceof Arg.Items items) {
                addAddresses(items.items(), into);
            }
        }
    }
}

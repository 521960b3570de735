package org.careledger.wallet;

import java.util.List;
import java.util.function.Supplier;

import org.careledger.contracts.ContractState;
import org.careledger.crypto.Address;
import org.careledger.ledger.ContractCall;

/**
 * How one kind of contract call moves tokens between accounts, besides the fee its sender pays: the
 * wallet's history and spendable amount know a call only through its effect. The wallet knows
 * {@code tokens.transfer}; a module whose calls move tokens (the pharmacy's {@code invoices.pay})
 * declares a Spring bean naming its call, and the wallet shows those movements too.
 */
public interface TokenEffect {

    /** The call this effect reads, as {@code contract.method}: {@code tokens.transfer}. */
    String call();

    /**
     * The tokens {@code call} signed by {@code sender} moves, one movement per payer and payee (the
     * sender's fee excluded). {@code state} gives a committed state, for a call whose arguments do
     * not carry the amount (an invoice's total); most effects never ask for it. Which state depends on
     * who asks: for a call on its way (the spendable amount, the pending lines of a history) it is the
     * state before the call's block; for the history's read model it is the tip when the worker gets
     * to the block, so the state after the call's block, and after any number of later blocks when it
     * catches up. An effect that reads the state must therefore give the same answer before and after
     * its call, and after whatever later calls may do to what it reads.
     */
    List<Movement> movements(Address sender, ContractCall call, Supplier<ContractState> state);

    /** {@code amount} base units from {@code from} to {@code to}. */
    record Movement(Address from, Address to, long amount) {
    }

    /** The name of {@code call} as effects name it: {@code tokens.transfer}. */
    static String nameOf(ContractCall call) {
        return call.contract() + "." + call.method();
    }
}

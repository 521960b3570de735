package org.careledger.contracts;

import org.careledger.crypto.Address;
import org.careledger.ledger.Arg;
import org.careledger.ledger.ContractCall;
import org.careledger.ledger.Genesis;
import org.careledger.ledger.TransactionRejectedException;

/**
 * Token wallets: balances in base units (1 token = 1,000,000), transfers with no overdraft and
 * overflow-checked sums, and the fee each fee-paying call moves to its block's sealer. No call
 * creates or destroys tokens, so every block conserves the supply.
 */
public final class Tokens implements Contract {

    public static final String NAME = "tokens";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public long minimumFee(ContractCall call, Genesis.Parameters parameters) {
        return parameters.minFee();
    }

    @Override
    public void execute(CallContext context, ContractCall call) {
        if (!"transfer".equals(call.method())) {
            throw Args.reject("tokens.method", "tokens has no method " + call.method());
        }
        Args args = Args.of(NAME, call, 2, "(address to, u64 amount)");
        Address to = args.address(0);
        long amount = args.u64(1);
        if (amount <= 0) {
            throw Args.reject("tokens.amount", "a transfer moves a positive amount");
        }
        move(context.state(), context.sender(), to, amount, "transfer");
    }

    /** A transfer of {@code amount} from one account to another. */
    public static ContractCall transfer(Address to, long amount) {
        return ContractCall.of(NAME, "transfer", Arg.of(to), Arg.of(amount));
    }

    static void move(StateView state, Address from, Address to, long amount, String what) {
        if (amount == 0) {
            return;
        }
        long fromBalance = state.getLong(balanceKey(from));
        if (fromBalance < amount) {
            throw new TransactionRejectedException("tokens.balance", "the " + what + " of " + amount
                    + " exceeds the balance of " + fromBalance);
        }
        state.putLong(balanceKey(from), fromBalance - amount);
        long toBalance = state.getLong(balanceKey(to));
        try {
            state.putLong(balanceKey(to), Math.addExact(toBalance, amount));
        } catch (ArithmeticException overflow) {
            throw new TransactionRejectedException("tokens.overflow", "the receiving balance would overflow");
        }
    }

    static String balanceKey(Address account) {
        return "tokens.balance/" + account.toLowerHex();
    }

    /** An account's balance in a state view. */
    public static long balanceOf(StateView state, Address account) {
        return state.getLong(balanceKey(account));
    }
}

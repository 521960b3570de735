package org.careledger.contracts;

import java.util.Optional;

import org.careledger.crypto.Address;
import org.careledger.ledger.Arg;
import org.careledger.ledger.ContractCall;
import org.careledger.ledger.Genesis;
import org.careledger.ledger.Hash;

/**
 * Token wallets: balances in base units (1 token = 1,000,000), transfers with no overdraft and
 * overflow-checked sums, and the fee each fee-paying call moves to its block's sealer. Other
 * contracts hold and release the sender's tokens through {@link TokenApi}. No call creates or
 * destroys tokens, so every block conserves the {@link #supply}: every balance plus every escrow.
 *
 * <pre>
 * tokens.balance/&lt;account&gt;               a balance (absent when zero)
 * tokens.escrow/&lt;contract&gt;/&lt;holdId&gt;      a contract's hold: payer and amount (absent when released)
 * </pre>
 */
public final class Tokens implements Contract {

    public static final String NAME = "tokens";

    private static final String BALANCES = "tokens.balance/";
    private static final AccountKeys BALANCE_KEYS = new AccountKeys(BALANCES);
    private static final String ESCROWS = "tokens.escrow/";
    private static final ContractApi<TokenApi> API = ContractApi.of(TokenApi.class, BoundTokens::new);

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
        new BoundTokens(context).transfer(args.address(0), args.u64(1));
    }

    @Override
    public Optional<ContractApi<?>> api() {
        return Optional.of(API);
    }

    /** A transfer of {@code amount} from one account to another. */
    public static ContractCall transfer(Address to, long amount) {
        return ContractCall.of(NAME, "transfer", Arg.of(to), Arg.of(amount));
    }

    /** Moves {@code amount} between balances; checks the overdraft and the overflow before it writes. */
    static void move(StateView state, Address from, Address to, long amount, String what) {
        if (amount == 0) {
            return;
        }
        long fromBalance = state.getLong(balanceKey(from));
        checkCovered(fromBalance, amount, what);
        if (from.equals(to)) {
            return;
        }
        long toBalance = credited(state.getLong(balanceKey(to)), amount);
        state.putLong(balanceKey(from), fromBalance - amount);
        state.putLong(balanceKey(to), toBalance);
    }

    static void checkCovered(long balance, long amount, String what) {
        if (balance < amount) {
            throw Args.reject("tokens.balance", "the " + what + " of " + amount + " exceeds the balance of " + balance);
        }
    }

    /** {@code balance} plus {@code amount}, refused if it would overflow. */
    static long credited(long balance, long amount) {
        try {
            return Math.addExact(balance, amount);
        } catch (ArithmeticException overflow) {
            throw Args.reject("tokens.overflow", "the receiving balance would overflow");
        }
    }

    static String balanceKey(Address account) {
        return BALANCE_KEYS.of(account);
    }

    static String escrowKey(String contract, Hash holdId) {
        return ESCROWS + contract + "/" + holdId.hex();
    }

    /** An account's balance in a state view. */
    public static long balanceOf(StateView state, Address account) {
        return state.getLong(balanceKey(account));
    }

    /** Every token held in escrow, by every contract. */
    public static long escrowed(ContractState state) {
        return state.readPrefix(ESCROWS).values().stream().map(TokenApi.Hold::decode)
                .mapToLong(TokenApi.Hold::amount).reduce(0, Math::addExact);
    }

    /** Every token held in escrow by the contract {@code contract}. */
    public static long escrowedBy(ContractState state, String contract) {
        return state.readPrefix(ESCROWS + contract + "/").values().stream().map(TokenApi.Hold::decode)
                .mapToLong(TokenApi.Hold::amount).reduce(0, Math::addExact);
    }

    /** Every token there is: every balance plus every escrow. No transaction changes it. */
    public static long supply(ContractState state) {
        long balances = state.readPrefix(BALANCES).values().stream().mapToLong(StateView::toLong).reduce(0, Math::addExact);
        return Math.addExact(balances, escrowed(state));
    }
}

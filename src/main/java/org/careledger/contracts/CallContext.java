package org.careledger.contracts;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.careledger.crypto.Address;
import org.careledger.ledger.BlockContext;
import org.careledger.ledger.Transaction;

/**
 * What a contract sees while it runs: the transaction, the block, the state and the APIs other
 * contracts offer. Its {@link #state()} reads every key but writes only the running contract's own,
 * those starting with its name and '.'; any other write refuses the transaction under
 * {@code contract.foreignWrite}. Through {@link #api} a contract calls another contract's API inside
 * the same transaction: the provider runs with a context of its own, writing its own keys into the
 * same staged writes, so the whole transaction still succeeds or fails as one.
 */
public final class CallContext {

    private final Transaction transaction;
    private final BlockContext block;
    private final StateView staged;
    private final Contracts contracts;
    /** The contracts running, outermost first: the one the transaction called, then each API provider. */
    private final List<String> running;
    private final StateView state;

    private CallContext(Transaction transaction, BlockContext block, StateView staged, Contracts contracts, List<String> running) {
        this.transaction = transaction;
        this.block = block;
        this.staged = staged;
        this.contracts = contracts;
        this.running = List.copyOf(running);
        this.state = new OwnKeys(contract(), staged);
    }

    /** The context of {@code contract}, called by {@code transaction}, over the transaction's staged writes. */
    static CallContext of(Transaction transaction, BlockContext block, StateView staged, Contracts contracts, String contract) {
        return new CallContext(transaction, block, staged, contracts, List.of(contract));
    }

    public Transaction transaction() {
        return transaction;
    }

    public BlockContext block() {
        return block;
    }

    /** Who signed the transaction: whoever pays, however many contracts it passes through. */
    public Address sender() {
        return transaction.senderAddress();
    }

    /** The contract this context runs: the state lets it write its own keys only. */
    public String contract() {
        return running.get(running.size() - 1);
    }

    /** The contract that called this one through its API; empty when the transaction called it. */
    public Optional<String> caller() {
        return running.size() < 2 ? Optional.empty() : Optional.of(running.get(running.size() - 2));
    }

    /** The transaction's state so far: every key to read, the running contract's own keys to write. */
    public StateView state() {
        return state;
    }

    /**
     * The API of type {@code type} (an interface a contract offers through {@link Contract#api()}),
     * bound to this transaction, with this contract as its caller. A refusal it throws refuses the
     * whole transaction: let it propagate.
     *
     * <p>Refuses, rather than throwing an {@code IllegalArgumentException}, an API no contract on this
     * chain offers ({@code contract.unknownApi}): a user's transaction reaches this line, and anything
     * but a refusal escaping a transaction would stop every node's block producer on it. Refuses an
     * API whose contract is already running in this transaction ({@code contract.reentry}), so no
     * contract sees its own state change under it halfway through a call, and calls stay finite.
     */
    public <A> A api(Class<A> type) {
        Contract provider = contracts.offering(type).orElseThrow(() -> Args.reject("contract.unknownApi",
                contract() + " asked for " + type.getName() + ", which no contract on this chain offers"));
        checkNotRunning(provider.name());
        List<String> calls = new ArrayList<>(running);
        calls.add(provider.name());
        CallContext providerContext = new CallContext(transaction, block, staged, contracts, calls);
        return type.cast(provider.api().orElseThrow().bind(providerContext));
    }

    private void checkNotRunning(String provider) {
        if (running.contains(provider)) {
            throw Args.reject("contract.reentry", provider + " is already running in this transaction ("
                    + String.join(" -> ", running) + "), so its API cannot be called again");
        }
    }
}

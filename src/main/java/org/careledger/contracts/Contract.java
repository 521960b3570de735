package org.careledger.contracts;

import java.util.Optional;

import org.careledger.ledger.ContractCall;
import org.careledger.ledger.Genesis;

/**
 * One contract: a name, its fee rule, what each of its methods does to the state and, optionally,
 * an API other contracts may call inside their own transactions. A new contract is one class
 * registered in {@link Contracts#standard()}.
 */
public interface Contract {

    /**
     * The name transactions address it by. The keys it owns, and alone may write, start with the
     * name and '.', such as {@code tokens.balance/...}.
     */
    String name();

    /** The smallest fee a call must carry. */
    long minimumFee(ContractCall call, Genesis.Parameters parameters);

    /**
     * Runs one call. Throws {@link org.careledger.ledger.TransactionRejectedException} to refuse it;
     * the state's writes are then discarded.
     */
    void execute(CallContext context, ContractCall call);

    /**
     * The API this contract offers other contracts ({@link CallContext#api}), or empty; the same
     * every time it is asked. No transaction reaches an API's methods: only {@link #execute} does.
     */
    default Optional<ContractApi<?>> api() {
        return Optional.empty();
    }
}

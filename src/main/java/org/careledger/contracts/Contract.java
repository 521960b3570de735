package org.careledger.contracts;

import org.careledger.ledger.ContractCall;
import org.careledger.ledger.Genesis;

/** One contract: a name, its fee rule, and what each of its methods does to the state. */
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
}

package org.careledger.ledger;

import org.careledger.crypto.Address;

/**
 * The state that transactions change, as the ledger sees it. The ledger defines this interface and
 * knows no contract; the {@code contracts} module implements it. Applying the same transactions to
 * equal states must give equal states and equal roots on every node: no clock, no randomness, no
 * iteration over unordered collections.
 */
public interface WorldState {

    /** A commitment to the whole state: equal roots mean equal states. */
    Hash root();

    /** The whole state in canonical bytes, for a checkpoint; {@link StateMachine#restore} reads it back. */
    byte[] snapshot();

    /** An independent copy; changes to either leave the other untouched. */
    WorldState copy();

    /** The nonce the sender's next transaction must carry. */
    long nextNonce(Address account);

    /** Whether the address may send transactions (registered users, sealers, funded dev accounts). */
    boolean maySend(Address account);

    /** The smallest fee this call must carry; 0 for calls a patient makes about their own data. */
    long minimumFee(ContractCall call);

    /**
     * Applies one transaction whose signature, chain id and nonce the ledger has checked: advances
     * the sender's nonce, moves the fee to the sealer and runs the call. All or nothing: if a rule
     * refuses it, the state is unchanged and {@link TransactionRejectedException} says why.
     */
    void apply(Transaction tx, BlockContext context);
}

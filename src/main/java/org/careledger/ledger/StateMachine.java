package org.careledger.ledger;

/** Creates the world state a chain starts from; implemented by the {@code contracts} module. */
public interface StateMachine {

    /** The state holding the genesis allocations, before any block. */
    WorldState genesisState(Genesis genesis);

    /**
     * The state a {@link WorldState#snapshot()} holds.
     *
     * @throws MalformedEncodingException if the bytes are not a snapshot
     */
    WorldState restore(Genesis genesis, byte[] snapshot);
}

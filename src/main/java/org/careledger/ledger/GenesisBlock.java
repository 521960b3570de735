package org.careledger.ledger;

import java.util.List;

/**
 * The header every chain starts from: height 0, no transactions, the genesis state's root, the
 * initial difficulty and the first sealer named. Having no parent, it carries in the previous-hash
 * field the {@link Genesis#commitment()} instead, so the genesis hash commits to every parameter
 * (chain id, sealers, block time, emergency-access duration, balances, treasury): two genesis
 * files that differ anywhere start different chains. It is derived, never mined or stored, so every
 * node computes the same genesis hash from the same {@link Genesis}.
 */
public final class GenesisBlock {

    private GenesisBlock() {
    }

    public static BlockHeader header(Genesis genesis, WorldState genesisState) {
        return new BlockHeader(BlockHeader.VERSION, 0, genesis.commitment(), MerkleTree.rootOf(List.of()), genesisState.root(),
                genesis.timestamp(), genesis.parameters().initialDifficulty(), genesis.sealers().get(0).address(), 0);
    }
}

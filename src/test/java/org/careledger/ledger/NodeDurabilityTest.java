package org.careledger.ledger;

import java.nio.file.Path;
import java.util.List;

import org.careledger.contracts.Contracts;
import org.careledger.crypto.DevAccounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careledger.ledger.TestChains.*;

class NodeDurabilityTest {

    private static final Genesis SOLO = Genesis.dev(CHAIN_ID, GENESIS_TIME, List.of(new Genesis.Sealer("solo", SEALER_A.publicKey())));

    @TempDir
    Path dataDir;

    @Test
    void aBlockThatCannotBeStoredNeverBecomesTheTipAndTheNodeStopsBuilding() {
        Chain elsewhere = new Chain(SOLO, Contracts.standard(), new BlockRules(SOLO, () -> GENESIS_TIME + 3_600_000, new SignatureCache(100)));
        Block next = mineNext(elsewhere, SEALER_A,
                List.of(transfer(DevAccounts.ganacheAccount(0), 0, DevAccounts.ganacheAccount(1), 1)), GENESIS_TIME + 1000);
        try (InMemoryNetwork network = new InMemoryNetwork(1)) {
            Node node = new Node("solo", SEALER_A, SOLO, Contracts.standard(), dataDir, network, () -> GENESIS_TIME + 3_600_000, 1);
            node.close(); // its block store is closed: the next append fails
            node.receiveBlock(next, "elsewhere");
            assertThat(node.chain().height()).as("the block was not stored, so it is not the tip").isZero();
            assertThat(node.chain().contains(next.hash())).isFalse();
            assertThat(node.refusal()).hasValueSatisfying(r -> assertThat(r).contains("block store failed"));
        }
    }
}

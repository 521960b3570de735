package org.careledger.ledger;

import org.careledger.Await;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.careledger.contracts.Contracts;
import org.careledger.crypto.DevAccounts;
import org.careledger.crypto.PrivateKey;
import org.careledger.ledger.store.BlockStore;
import org.careledger.ledger.store.StoredRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.careledger.ledger.TestChains.*;

/** A node stores each block once, so a block record met a second time in its store is damage, not a crash. */
class RepeatedRecordTest {

    private static final PrivateKey ALICE = DevAccounts.ganacheAccount(0);
    private static final PrivateKey BOB = DevAccounts.ganacheAccount(1);

    @TempDir
    Path dataDir;

    private Node open(InMemoryNetwork network) {
        return soloNode(dataDir, network);
    }

    private Path blocks() {
        return StoredChain.blocksDirectory(dataDir, "solo");
    }

    /** Mines two blocks of one transfer each and closes the node (which writes its checkpoint). */
    private void storeTwoBlocks() throws Exception {
        try (InMemoryNetwork network = new InMemoryNetwork(1); Node node = open(network)) {
            node.start();
            for (int i = 0; i < 2; i++) {
                node.submit(transfer(ALICE, i, BOB, Genesis.UNITS_PER_TOKEN), 1000);
                int nonce = i + 1;
                Await.until("transfer " + i + " is mined", () -> node.chain().tipState().nextNonce(ALICE.address()) == nonce);
            }
        }
    }

    /** Appends a copy of record {@code index} (0-based) to the store; returns its block. */
    private Block repeat(int index) throws IOException {
        try (BlockStore store = BlockStore.open(blocks())) {
            List<StoredRecord> records = store.records();
            assertThat(records).hasSize(2);
            StoredRecord repeated = records.get(index);
            store.append(repeated.height(), repeated.payload());
            return Block.decode(repeated.payload());
        }
    }

    private Block storeTwoBlocksAndRepeat(int index) throws Exception {
        storeTwoBlocks();
        return repeat(index);
    }

    private StoredChain.Report reValidate() throws IOException {
        return StoredChain.load(blocks(), SOLO, Contracts.standard(), System::currentTimeMillis, null).report();
    }

    @Test
    void aReValidationReportsItsProgressRecordByRecordAndStopsWhenCancelled() throws Exception {
        storeTwoBlocks();
        List<String> seen = new java.util.ArrayList<>();
        StoredChain whole = StoredChain.load(blocks(), SOLO, Contracts.standard(), System::currentTimeMillis, null, new StoredChain.Progress() {
            @Override
            public void advanced(int records, int total) {
                seen.add(records + "/" + total);
            }

            @Override
            public boolean cancelled() {
                return false;
            }
        });
        assertThat(whole.report().valid()).isTrue();
        assertThat(seen).containsExactly("1/2", "2/2");

        assertThatThrownBy(() -> StoredChain.load(blocks(), SOLO, Contracts.standard(), System::currentTimeMillis, null,
                new StoredChain.Progress() {
                    @Override
                    public void advanced(int records, int total) {
                    }

                    @Override
                    public boolean cancelled() {
                        return true;
                    }
                })).isInstanceOf(java.util.concurrent.CancellationException.class).hasMessageContaining("cancelled");
    }

    @Test
    void aNodeRefusesToBuildOnAStoreThatHoldsItsLastBlockTwiceWithItsCheckpoint() throws Exception {
        Block repeated = storeTwoBlocksAndRepeat(1);
        assertThat(StoredChain.checkpointFile(dataDir, "solo")).exists();
        assertRefuses(repeated);
    }

    @Test
    void aNodeRefusesToBuildOnAStoreThatHoldsABlockTwiceWithoutACheckpoint() throws Exception {
        Block repeated = storeTwoBlocksAndRepeat(0);
        Files.delete(StoredChain.checkpointFile(dataDir, "solo"));
        assertRefuses(repeated);
    }

    private void assertRefuses(Block repeated) {
        String expected = "block " + repeated.hash().shortHex() + " at height " + repeated.height()
                + " is stored a second time (record 3); a node stores each block once, so the store is damaged";
        try (InMemoryNetwork network = new InMemoryNetwork(2); Node node = open(network)) {
            assertThat(node.refusal()).hasValue(expected);
            assertThat(node.chain().height()).as("the blocks before the repeat are served").isEqualTo(2);
            Block next = mineNext(node.chain(), SEALER_A, List.of(transfer(ALICE, 2, BOB, 1)), System.currentTimeMillis());
            assertThatThrownBy(() -> node.accept(next, null)).isInstanceOf(BlockRejectedException.class)
                    .hasMessageContaining("refuses new blocks: " + expected);
        }
    }

    @Test
    void reValidatingAStoreThatHoldsABlockTwiceReportsStoreDuplicateAtItsHeight() throws Exception {
        storeTwoBlocks();
        StoredChain.Report before = reValidate();
        assertThat(before.valid()).as(String.valueOf(before.explanation())).isTrue();
        assertThat(before.records()).isEqualTo(2);

        Block repeated = repeat(0);
        StoredChain.Report report = reValidate();
        assertThat(report.valid()).isFalse();
        assertThat(report.rule()).isEqualTo("storeDuplicate");
        assertThat(report.badHeight()).isEqualTo(1);
        assertThat(report.height()).isEqualTo(2);
        assertThat(report.explanation()).isEqualTo("block " + repeated.hash().shortHex()
                + " at height 1 is stored a second time (record 3); a node stores each block once, so the store is damaged");
    }
}

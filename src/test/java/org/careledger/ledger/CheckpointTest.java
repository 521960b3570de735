package org.careledger.ledger;

import org.careledger.Await;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.careledger.contracts.Contracts;
import org.careledger.crypto.DevAccounts;
import org.careledger.crypto.PrivateKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careledger.ledger.TestChains.*;

class CheckpointTest {

    private static final PrivateKey ALICE = DevAccounts.ganacheAccount(0);
    private static final PrivateKey BOB = DevAccounts.ganacheAccount(1);

    @TempDir
    Path dataDir;

    private Node open(InMemoryNetwork network) {
        return soloNode(dataDir, network);
    }

    private record Tip(Hash hash, Hash root) {
    }

    /** Mines {@code count} transfers from Alice starting at {@code firstNonce}, one block each, then closes the node. */
    private Tip mine(int firstNonce, int count) throws Exception {
        try (InMemoryNetwork network = new InMemoryNetwork(1); Node node = open(network)) {
            node.start();
            for (int i = firstNonce; i < firstNonce + count; i++) {
                node.submit(transfer(ALICE, i, BOB, Genesis.UNITS_PER_TOKEN), 1000);
                int nonce = i + 1;
                Await.until("transfer " + i + " is mined", () -> node.chain().tipState().nextNonce(ALICE.address()) == nonce);
            }
            return new Tip(node.chain().tip().hash(), node.chain().tipState().root());
        }
    }

    private Tip reopen(boolean expectCheckpoint) {
        try (InMemoryNetwork network = new InMemoryNetwork(2); Node node = open(network)) {
            assertThat(node.refusal()).isEmpty();
            assertThat(node.restoredFromCheckpoint()).isEqualTo(expectCheckpoint);
            return new Tip(node.chain().tip().hash(), node.chain().tipState().root());
        }
    }

    @Test
    void aRestartTrustsItsOwnSignedCheckpointAndReachesTheSameTipAndState() throws Exception {
        Tip before = mine(0, 3);
        assertThat(Files.exists(dataDir.resolve("nodes/solo/checkpoint.bin"))).isTrue();
        assertThat(reopen(true)).isEqualTo(before);
    }

    @Test
    void aRestartFromTheCheckpointStillFindsEveryCommittedTransaction() throws Exception {
        mine(0, 2);
        Path file = dataDir.resolve("nodes/solo/checkpoint.bin");
        byte[] early = Files.readAllBytes(file);
        mine(2, 1);
        Files.write(file, early); // blocks 1-2 under the checkpoint, block 3 validated in full
        Transaction first = transfer(ALICE, 0, BOB, Genesis.UNITS_PER_TOKEN);
        Transaction last = transfer(ALICE, 2, BOB, Genesis.UNITS_PER_TOKEN);
        try (InMemoryNetwork network = new InMemoryNetwork(4); Node node = open(network)) {
            assertThat(node.restoredFromCheckpoint()).isTrue();
            assertThat(node.chain().locate(first.id())).hasValueSatisfying(at -> assertThat(at.height()).isEqualTo(1));
            assertThat(node.chain().locate(last.id())).hasValueSatisfying(at -> assertThat(at.height()).isEqualTo(3));
            assertThat(node.chain().proofOf(first.id(), java.util.Map.of()).orElseThrow().verify(SOLO, node.chain().genesisHeader().hash())
                    .valid()).isTrue();
        }
    }

    @Test
    void blocksAfterTheCheckpointAreValidatedInFullOnTop() throws Exception {
        mine(0, 2);
        Path file = dataDir.resolve("nodes/solo/checkpoint.bin");
        byte[] early = Files.readAllBytes(file);
        Tip later = mine(2, 2);
        Files.write(file, early); // the checkpoint now lies two blocks below the tip
        assertThat(reopen(true)).isEqualTo(later);
    }

    @Test
    void aCheckpointSignedByAnotherKeyIsIgnoredAndEveryBlockIsRevalidated() throws Exception {
        Tip before = mine(0, 2);
        Path file = dataDir.resolve("nodes/solo/checkpoint.bin");
        Checkpoint own = Checkpoint.decode(Files.readAllBytes(file));
        Checkpoint forged = Checkpoint.create(new BlockHeader(1, own.height(), Hash.ZERO, Hash.ZERO, own.stateRoot(), 0, 1,
                SEALER_B.address(), 0), Contracts.standard().restore(SOLO, own.snapshot()), SEALER_B);
        Files.write(file, new Checkpoint(own.height(), own.blockHash(), forged.stateRoot(), forged.snapshot(), forged.signature()).encode());
        assertThat(reopen(false)).isEqualTo(before);
    }

    @Test
    void aSignedCheckpointWhoseStateIsNotTheBlocksIsIgnored() throws Exception {
        mine(0, 1);
        Path file = dataDir.resolve("nodes/solo/checkpoint.bin");
        Checkpoint first = Checkpoint.decode(Files.readAllBytes(file));
        Tip later = mine(1, 1);
        Checkpoint current = Checkpoint.decode(Files.readAllBytes(file));
        // signed by the node itself, names the tip block, but carries the earlier state
        BlockHeader tipHeader;
        try (InMemoryNetwork network = new InMemoryNetwork(3); Node node = open(network)) {
            tipHeader = node.chain().tip();
        }
        Checkpoint lying = Checkpoint.create(tipHeader, Contracts.standard().restore(SOLO, first.snapshot()), SEALER_A);
        assertThat(lying.blockHash()).isEqualTo(current.blockHash());
        Files.write(file, lying.encode());
        assertThat(reopen(false)).isEqualTo(later);
    }

    @Test
    void garbageInTheCheckpointFileIsIgnored() throws Exception {
        Tip before = mine(0, 1);
        Files.write(dataDir.resolve("nodes/solo/checkpoint.bin"), new byte[] {1, 2, 3});
        assertThat(reopen(false)).isEqualTo(before);
    }
}

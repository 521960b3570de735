package org.careledger.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.careledger.Await;
import org.careledger.contracts.Contracts;
import org.careledger.crypto.DevAccounts;
import org.careledger.crypto.PrivateKey;
import org.careledger.ledger.Block;
import org.careledger.ledger.Chain;
import org.careledger.ledger.Hash;
import org.careledger.ledger.InMemoryNetwork;
import org.careledger.ledger.Node;
import org.careledger.ledger.Transaction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careledger.ledger.TestChains.*;

/** The bench's count of committed transfers follows the chain every node agrees on, reorganisations included. */
class CommitTrackerTest {

    private static final PrivateKey ALICE = DevAccounts.ganacheAccount(0);
    private static final PrivateKey BOB = DevAccounts.ganacheAccount(1);

    @TempDir
    Path dataDir;

    private final InMemoryNetwork network = new InMemoryNetwork(3);
    private Node a;
    private Node b;

    @AfterEach
    void close() {
        a.close();
        b.close();
        network.close();
    }

    @Test
    void aReportedBlockThatAReorganisationReplacesIsRetractedAndItsTransfersComeOffTheTotal() throws Exception {
        // the nodes are not started: no producer and no sync, so only the blocks given here arrive
        a = new Node("st-marys", SEALER_A, GENESIS, Contracts.standard(), dataDir, network, System::currentTimeMillis, 1);
        b = new Node("riverside", SEALER_B, GENESIS, Contracts.standard(), dataDir, network, System::currentTimeMillis, 1);
        Transaction first = transfer(ALICE, 0, BOB, 1);
        Transaction second = transfer(ALICE, 1, BOB, 1);
        BenchCommand.CommitTracker tracker = new BenchCommand.CommitTracker(List.of(a, b), Set.of(first.id(), second.id()));

        Chain lone = newChain();
        Block x1 = mineNext(lone, SEALER_A, List.of(first, second), GENESIS_TIME + 1000);
        a.receiveBlock(x1, null);
        b.receiveBlock(x1, null);
        List<BenchCommand.CommitTracker.Change> changes = tracker.awaitChanges(1000);
        assertThat(changes).singleElement().satisfies(c -> {
            assertThat(c.retracted()).isFalse();
            assertThat(c.height()).isEqualTo(1);
            assertThat(c.mine()).isEqualTo(2);
        });

        Chain heavier = newChain();
        Block y1 = mineNext(heavier, SEALER_B, List.of(first), GENESIS_TIME + 500);
        heavier.add(y1);
        Block y2 = mineNext(heavier, SEALER_A, List.of(second), GENESIS_TIME + 1500);
        for (Node node : List.of(a, b)) {
            node.receiveBlock(y1, null);
            node.receiveBlock(y2, null);
        }
        Await.until("both nodes switched to the heavier branch", () -> a.chain().height() == 2 && b.chain().height() == 2);
        changes = tracker.awaitChanges(1000);
        assertThat(changes).extracting(c -> (c.retracted() ? "retracted " : "committed ") + c.height() + " mine=" + c.mine())
                .containsExactly("retracted 1 mine=2", "committed 1 mine=1", "committed 2 mine=1");
        assertThat(changes.get(0).block()).isEqualTo(x1.hash());
        assertThat(changes.get(2).block()).isEqualTo(y2.hash());
        assertThat(tracker.awaitChanges(50)).as("nothing more to report").isEmpty();
    }

    @Test
    void aNodeThatLagsDelaysTheCommitButRetractsNothing() throws Exception {
        a = new Node("st-marys", SEALER_A, GENESIS, Contracts.standard(), dataDir, network, System::currentTimeMillis, 1);
        b = new Node("riverside", SEALER_B, GENESIS, Contracts.standard(), dataDir, network, System::currentTimeMillis, 1);
        network.partition(Set.of("st-marys"), Set.of("riverside")); // no gossip: each node gets only what it is given
        Transaction first = transfer(ALICE, 0, BOB, 1);
        BenchCommand.CommitTracker tracker = new BenchCommand.CommitTracker(List.of(a, b), Set.<Hash>of(first.id()));
        Block x1 = mineNext(newChain(), SEALER_A, List.of(first), GENESIS_TIME + 1000);
        a.receiveBlock(x1, null);
        assertThat(tracker.awaitChanges(100)).as("only one node holds it").isEmpty();
        b.receiveBlock(x1, null);
        assertThat(tracker.awaitChanges(1000)).singleElement().satisfies(c -> assertThat(c.retracted()).isFalse());
    }
}

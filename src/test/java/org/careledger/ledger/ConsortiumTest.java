package org.careledger.ledger;

import org.careledger.Await;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.careledger.contracts.ContractState;
import org.careledger.contracts.Contracts;
import org.careledger.contracts.Tokens;
import org.careledger.crypto.DevAccounts;
import org.careledger.crypto.PrivateKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careledger.ledger.TestChains.*;

class ConsortiumTest {

    private static final PrivateKey ALICE = DevAccounts.ganacheAccount(0);
    private static final PrivateKey BOB = DevAccounts.ganacheAccount(1);
    private static final PrivateKey SEALER_C = DevAccounts.ganacheAccount(9);
    private static final Genesis THREE = Genesis.dev(CHAIN_ID, GENESIS_TIME, List.of(
            new Genesis.Sealer("st-marys", SEALER_A.publicKey()),
            new Genesis.Sealer("riverside", SEALER_B.publicKey()),
            new Genesis.Sealer("northgate", SEALER_C.publicKey())));

    /** As {@link #THREE} with 200 ms blocks: a sealer out of turn waits 1 s, a node asks its peers' tips every second. */
    private static final Genesis FAST = new Genesis(THREE.chainId(), THREE.timestamp(), THREE.sealers(),
            new Genesis.Parameters(200, 20, 64, 16, 1000, 3_600_000, 120_000, 10_000), THREE.balances(), null);

    @TempDir
    Path dataDir;

    private Genesis genesis = THREE;

    private final List<Node> nodes = new ArrayList<>();
    private InMemoryNetwork network;

    private List<Node> consortium() {
        network = new InMemoryNetwork(7);
        network.setDelayMillis(5);
        nodes.add(node("st-marys", SEALER_A));
        nodes.add(node("riverside", SEALER_B));
        nodes.add(node("northgate", SEALER_C));
        nodes.forEach(Node::start);
        return nodes;
    }

    private Node node(String name, PrivateKey key) {
        return new Node(name, key, genesis, Contracts.standard(), dataDir, network, System::currentTimeMillis, 1);
    }

    @AfterEach
    void stop() {
        nodes.forEach(Node::close);
        if (network != null) {
            network.close();
        }
    }

    private static long balance(Node node, PrivateKey who) {
        return Tokens.balanceOf(((ContractState) node.chain().tipState()).view(), who.address());
    }

    private static boolean converged(List<Node> nodes) {
        Hash tip = nodes.get(0).chain().tip().hash();
        return nodes.stream().allMatch(n -> n.chain().tip().hash().equals(tip));
    }

    @Test
    void eachNodeVerifiesEachSignatureOnceWhetherItMinedTheBlockOrReceivedIt() throws Exception {
        List<Node> all = consortium();
        int rounds = 4;
        int perRound = 10;
        int count = rounds * perRound;
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < perRound; i++) {
                int nonce = round * perRound + i;
                all.get(nonce % 3).submit(transfer(ALICE, nonce, BOB, 1), 1000);
            }
            long next = (round + 1L) * perRound;
            Await.until("every node holds round " + round, () -> all.stream().allMatch(n -> n.chain().tipState().nextNonce(ALICE.address()) == next));
        }
        Await.until("the nodes agree on the tip", () -> converged(all));
        assertThat(all.stream().mapToLong(n -> n.chain().mainChainBlocks().stream().map(Block::header).map(BlockHeader::sealer).distinct().count()))
                .as("blocks came from more than one sealer").anyMatch(sealers -> sealers > 1);
        // at admission, then never again: neither in the node's own blocks nor in its peers'
        assertThat(all).allSatisfy(n -> assertThat(n.signaturesVerified()).as(n.name()).isEqualTo(count));
    }

    @Test
    void aTransactionSubmittedToOneNodeIsMinedAndValidatedByEveryNode() throws Exception {
        List<Node> all = consortium();
        all.get(0).submit(transfer(ALICE, 0, BOB, 7 * Genesis.UNITS_PER_TOKEN), 1000);
        all.get(1).submit(transfer(ALICE, 1, BOB, 1 * Genesis.UNITS_PER_TOKEN), 1000);
        Await.until("every node holds both transfers", () -> all.stream().allMatch(n -> balance(n, BOB) == 108 * Genesis.UNITS_PER_TOKEN));
        Await.until("the nodes agree on the tip", () -> converged(all));
        assertThat(all).allSatisfy(n -> assertThat(n.mempool().size()).isZero());
    }

    @Test
    void aNodeWhoseSealingIsPausedFollowsTheChainTheOthersSealAndSealsAgainWhenResumed() throws Exception {
        genesis = FAST;
        List<Node> all = consortium();
        Node paused = all.get(0);
        paused.pauseSealing();
        assertThat(paused.sealingPaused()).isTrue();
        for (int i = 0; i < 3; i++) {
            all.get(i % 3).submit(transfer(ALICE, i, BOB, TOKENS), 1000);
            int sent = i + 1;
            Await.until("transfer " + sent + " is in a block on every node, the paused one too",
                    () -> all.stream().allMatch(n -> balance(n, BOB) == 100 * TOKENS + sent * TOKENS));
        }
        Await.until("the nodes agree on the tip", () -> converged(all));
        for (long h = 1; h <= paused.chain().height(); h++) {
            assertThat(paused.chain().blockAt(h).orElseThrow().header().sealer()).as("block %d", h)
                    .isNotEqualTo(SEALER_A.address());
        }
        assertThat(all.get(1).hashesPerSecond() + all.get(2).hashesPerSecond()).as("the sealers' hash rate").isPositive();
        assertThat(all.get(1).reachablePeers()).isEqualTo(2);
        assertThat(all.get(1).knownPeers()).isEqualTo(2);

        paused.resumeSealing();
        long before = paused.chain().height();
        for (int i = 3; i < 12 && !sealedBy(paused, SEALER_A, before); i++) {
            paused.submit(transfer(ALICE, i, BOB, TOKENS), 1000);
            int sent = i + 1;
            Await.until("transfer " + sent + " is in a block", () -> balance(paused, BOB) == 100 * TOKENS + sent * TOKENS);
        }
        assertThat(sealedBy(paused, SEALER_A, before)).as("the resumed node seals again in its turn").isTrue();
    }

    private static final long TOKENS = Genesis.UNITS_PER_TOKEN;

    private static boolean sealedBy(Node node, PrivateKey sealer, long above) {
        for (long h = above + 1; h <= node.chain().height(); h++) {
            if (node.chain().blockAt(h).orElseThrow().header().sealer().equals(sealer.address())) {
                return true;
            }
        }
        return false;
    }

    @Test
    void afterAPartitionHealsTheHeavierBranchWinsEverywhereAndNoTransactionIsLost() throws Exception {
        // each side mines blocks out of turn (the lone node all of its own, the majority the lone node's turns):
        // with FAST such a block waits 1 or 2 s rather than 5 or 10, and which branch wins does not depend on it
        genesis = FAST;
        List<Node> all = consortium();
        network.partition(Set.of("st-marys"), Set.of("riverside", "northgate"));
        all.get(0).submit(transfer(ALICE, 0, BOB, 2 * Genesis.UNITS_PER_TOKEN), 1000);
        Await.until("the lone node mined its block", () -> all.get(0).chain().height() >= 1);
        for (int i = 0; i < 3; i++) {
            all.get(1).submit(transfer(BOB, i, ALICE, Genesis.UNITS_PER_TOKEN), 1000);
            int height = i + 1;
            Await.until("the majority mined block " + height, () -> all.get(1).chain().height() >= height);
        }
        network.heal();
        // a new transaction on the majority side makes it announce its heavier chain
        all.get(2).submit(transfer(BOB, 3, ALICE, Genesis.UNITS_PER_TOKEN), 1000);
        Await.until("the nodes converge", () -> converged(all) && all.get(0).chain().height() >= 4);
        // the lone node's transfer returned to its mempool and is mined again on the winning branch
        Await.until("Alice's orphaned transfer is mined again", () -> all.stream().allMatch(n -> n.chain().tipState().nextNonce(ALICE.address()) == 1));
        Await.until("the nodes converge again", () -> converged(all));
        assertThat(balance(all.get(0), BOB)).isEqualTo(balance(all.get(2), BOB)).isEqualTo((100 + 2 - 4) * Genesis.UNITS_PER_TOKEN - 4 * 1000);
        assertThat(all.get(0).chain().tipState().root()).isEqualTo(all.get(1).chain().tipState().root());
    }

    @Test
    void aRestartedNodeReplaysItsStoreToTheSameTipAndState() throws Exception {
        List<Node> all = consortium();
        for (int i = 0; i < 5; i++) {
            all.get(0).submit(transfer(ALICE, i, BOB, Genesis.UNITS_PER_TOKEN), 1000);
        }
        Await.until("all five are mined everywhere", () -> all.stream().allMatch(n -> n.chain().tipState().nextNonce(ALICE.address()) == 5));
        Await.until("the nodes agree on the tip", () -> converged(all));
        Hash tip = all.get(0).chain().tip().hash();
        Hash root = all.get(0).chain().tipState().root();
        all.forEach(Node::close);
        nodes.clear();
        network.close();
        network = new InMemoryNetwork(8);
        Node again = node("st-marys", SEALER_A);
        nodes.add(again);
        assertThat(again.openReport().clean()).isTrue();
        assertThat(again.refusal()).isEmpty();
        assertThat(again.chain().tip().hash()).isEqualTo(tip);
        assertThat(again.chain().tipState().root()).isEqualTo(root);
    }

    @Test
    void afterAQuietSpellTheSealerWhoseTurnItIsStillGoesFirstAndNoBlocksCompete() throws Exception {
        genesis = FAST;
        List<Node> all = consortium();
        for (int i = 0; i < 3; i++) {
            Thread.sleep(1500); // longer than a sealer out of turn waits
            all.get(2 - i).submit(transfer(ALICE, i, BOB, Genesis.UNITS_PER_TOKEN), 1000);
            int height = i + 1;
            Await.until("block " + height + " is everywhere", () -> all.stream().allMatch(n -> n.chain().height() == height));
        }
        Thread.sleep(1500);
        assertThat(all).allSatisfy(n -> assertThat(n.chain().knownBlocks()).as(n.name() + " holds no competing block").isEqualTo(3));
        for (long h = 1; h <= 3; h++) {
            BlockHeader header = all.get(0).chain().blockAt(h).orElseThrow().header();
            assertThat(header.sealer()).as("block %d is sealed by the sealer whose turn it was", h)
                    .isEqualTo(genesis.sealers().get((int) (h % 3)).address());
        }
    }

    @Test
    void aNodeThatWasCutOffCatchesUpWhileTheChainIsQuiet() throws Exception {
        genesis = FAST;
        List<Node> all = consortium();
        network.partition(Set.of("st-marys", "riverside"), Set.of("northgate"));
        for (int i = 0; i < 3; i++) {
            all.get(0).submit(transfer(ALICE, i, BOB, Genesis.UNITS_PER_TOKEN), 1000);
            int height = i + 1;
            Await.until("the majority mined block " + height, () -> all.get(0).chain().height() >= height);
        }
        assertThat(all.get(2).chain().height()).isZero();
        network.heal(); // and nothing more is submitted
        Await.until("northgate caught up without a new block", () -> converged(all) && all.get(2).chain().height() == 3);
        assertThat(all.get(2).chain().tipState().root()).isEqualTo(all.get(0).chain().tipState().root());
    }

    @Test
    void aNodeThousandsOfBlocksBehindCatchesUpInOneGo() throws Exception {
        genesis = FAST;
        network = new InMemoryNetwork(9);
        Node ahead = node("st-marys", SEALER_A);
        nodes.add(ahead);
        int blocks = 1200; // the recursive fetch this replaced overflowed the stack at about 600
        long time = System.currentTimeMillis() - blocks * 200L; // 200 ms apart, as the target: the difficulty stays low
        for (int i = 0; i < blocks; i++) {
            Block block = TestChains.mineNext(ahead.chain(), SEALER_A, List.of(), time + i * 200L);
            ahead.accept(block, null);
        }
        assertThat(ahead.chain().height()).isEqualTo(blocks);
        Node behind = node("riverside", SEALER_B);
        nodes.add(behind);
        behind.start(); // asks its peer's tip at once
        Await.until("riverside holds all " + blocks + " blocks", java.time.Duration.ofSeconds(60),
                () -> behind.chain().height() == blocks);
        assertThat(behind.chain().tip().hash()).isEqualTo(ahead.chain().tip().hash());
    }

    @Test
    void withAThirdOfAllMessagesLostEveryNodeStillEndsWithEveryTransfer() throws Exception {
        genesis = FAST;
        List<Node> all = consortium();
        network.setLossRate(0.33);
        for (int i = 0; i < 8; i++) {
            all.get(i % 3).submit(transfer(ALICE, i, BOB, Genesis.UNITS_PER_TOKEN), 1000);
        }
        Await.until("every node holds all eight transfers", java.time.Duration.ofSeconds(60),
                () -> all.stream().allMatch(n -> n.chain().tipState().nextNonce(ALICE.address()) == 8));
        Await.until("the nodes agree on the tip", () -> converged(all));
        assertThat(balance(all.get(1), BOB)).isEqualTo(108 * Genesis.UNITS_PER_TOKEN);
    }
}

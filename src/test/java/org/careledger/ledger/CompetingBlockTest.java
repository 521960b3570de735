package org.careledger.ledger;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.careledger.Await;
import org.careledger.contracts.Contracts;
import org.careledger.crypto.DevAccounts;
import org.careledger.crypto.PrivateKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careledger.ledger.TestChains.*;

/**
 * A node mining a block stops at once when a competing valid block at the same height arrives. The
 * work is real: every block of this chain needs about 2^30 hashes (minutes for the node's one miner
 * thread), so the competing block is mined once, ahead of time, and only its nonce is kept here
 * (everything else about it is deterministic: genesis, signature and time). {@link #main} mines it
 * again if a change to the encodings makes the nonce stale, which the first assertion reports.
 */
class CompetingBlockTest {

    static final long DIFFICULTY = 1L << 30;
    static final long PREMINED_NONCE = 461922265L;
    private static final PrivateKey ALICE = DevAccounts.ganacheAccount(0);
    private static final PrivateKey BOB = DevAccounts.ganacheAccount(1);
    static final Genesis HARD = new Genesis(CHAIN_ID, GENESIS_TIME, GENESIS.sealers(),
            new Genesis.Parameters(60_000, 20, DIFFICULTY, DIFFICULTY, 1000, 3_600_000, 120_000, 10_000), GENESIS.balances(), null);

    @TempDir
    Path dataDir;

    private Node riverside;
    private InMemoryNetwork network;

    @AfterEach
    void close() {
        if (riverside != null) {
            riverside.close();
        }
        if (network != null) {
            network.close();
        }
    }

    /** St Mary's block at height 1 (the template all but its nonce). */
    static BlockAssembler.Template competingTemplate() {
        Chain chain = new Chain(HARD, Contracts.standard(), new BlockRules(HARD, () -> GENESIS_TIME + 3_600_000, new SignatureCache(10)));
        return BlockAssembler.assemble(chain, List.of(transfer(ALICE, 0, BOB, 3)), SEALER_A.address(), GENESIS_TIME + 1000);
    }

    @Test
    void aNodeMiningStopsAtOnceWhenACompetingValidBlockArrivesAndAdoptsIt() throws Exception {
        BlockAssembler.Template template = competingTemplate();
        BlockHeader mined = template.header().withNonce(PREMINED_NONCE);
        assertThat(ProofOfWork.satisfiedBy(mined)).as("the pre-mined nonce still fits the block (if not, run main to mine it again)")
                .isTrue();
        Block competing = Block.seal(mined, SEALER_A, template.transactions());

        network = new InMemoryNetwork(5);
        riverside = new Node("riverside", SEALER_B, HARD, Contracts.standard(), dataDir, network, System::currentTimeMillis, 1);
        riverside.start();
        riverside.submit(transfer(ALICE, 0, BOB, 5), 1000); // height 1 is riverside's turn: it starts mining
        Await.until("riverside's miner is busy", () -> minerCpuNanos() > TimeUnit.MILLISECONDS.toNanos(100));

        riverside.receiveBlock(competing, "st-marys");
        assertThat(riverside.chain().tip().hash()).isEqualTo(competing.hash());
        long cancelledAt = minerCpuNanos();
        Thread.sleep(500);
        assertThat(minerCpuNanos() - cancelledAt).as("the miner's CPU time after the competing block arrived")
                .isLessThan(TimeUnit.MILLISECONDS.toNanos(100));
        assertThat(riverside.chain().knownBlocks()).as("riverside never finished a block of its own").isEqualTo(1);
        assertThat(riverside.mempool().size()).as("its own transfer conflicts with the adopted one (same nonce) and is gone").isZero();
    }

    private static long minerCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long total = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith("careledger-miner-")) {
                total += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return total;
    }

    /** Mines the competing block's nonce again (a minute or two on two cores) and prints it. */
    public static void main(String[] args) throws Exception {
        try (Miner miner = new Miner(Runtime.getRuntime().availableProcessors())) {
            BlockHeader mined = miner.start(competingTemplate().header()).result().get(2, TimeUnit.HOURS).orElseThrow();
            System.out.println("PREMINED_NONCE = " + mined.nonce() + "L");
        }
    }
}

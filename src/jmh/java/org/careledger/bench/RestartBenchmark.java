package org.careledger.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.careledger.contracts.Contracts;
import org.careledger.contracts.Tokens;
import org.careledger.crypto.DevAccounts;
import org.careledger.crypto.PrivateKey;
import org.careledger.crypto.Secp256k1;
import org.careledger.ledger.Block;
import org.careledger.ledger.BlockAssembler;
import org.careledger.ledger.BlockHeader;
import org.careledger.ledger.BlockRules;
import org.careledger.ledger.Chain;
import org.careledger.ledger.Genesis;
import org.careledger.ledger.InMemoryNetwork;
import org.careledger.ledger.Miner;
import org.careledger.ledger.Node;
import org.careledger.ledger.SignatureCache;
import org.careledger.ledger.Transaction;
import org.careledger.ledger.store.BlockStore;

/**
 * How long a node takes to open a store of 100,000 committed transactions (10 blocks of 10,000
 * transfers, 10 senders) and be ready to serve: {@code new Node(...)} returns only once every
 * stored block is decoded, re-validated (signatures included: a restarted node trusts nothing)
 * and applied. Each run restarts twice: without a checkpoint (every block re-validated, signatures first on
 * every core; goal at most 3.75 s, half of what BouncyCastle took) and then with the checkpoint the first
 * restart wrote on closing (goal at most 1 s). A plain main, not JMH: one restart is seconds long.
 *
 * <p>The store is built once under {@code target/benchmarks/restart-store/} and reused while the
 * genesis (whose hash the {@code complete} marker records) stays the same.
 */
public final class RestartBenchmark {

    static final int BLOCKS = 10;
    static final int PER_BLOCK = 10_000;
    static final int SENDERS = 10;
    static final String NODE = "bench";
    /** Without a checkpoint: half of the 7.5-8 s BouncyCastle took (issue 19). */
    static final double GOAL_SECONDS = 3.75;
    static final double CHECKPOINT_GOAL_SECONDS = 1.0;
    static final PrivateKey SEALER = DevAccounts.ganacheAccount(7);
    static final Genesis GENESIS = ValidationBenchmark.GENESIS;

    private RestartBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path base = Path.of(System.getProperty("benchmarks.dir", "target/benchmarks")).resolve("restart-store");
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        ensureStore(base);
        Path checkpoint = org.careledger.ledger.StoredChain.checkpointFile(base, NODE);
        double[] without = new double[runs];
        double[] with = new double[runs];
        for (int r = 0; r < runs; r++) {
            Files.deleteIfExists(checkpoint); // the node writes one when it closes: the next restart uses it
            without[r] = restartOnce(base);
            with[r] = restartOnce(base);
            System.out.printf("RestartBenchmark: run %d: node ready after %.2f s without a checkpoint, %.2f s with one%n",
                    r + 1, without[r], with[r]);
        }
        Arrays.sort(without);
        Arrays.sort(with);
        System.out.printf("RestartBenchmark: signatures by %s%n", org.careledger.crypto.Secp256k1.provider().label());
        System.out.printf("RestartBenchmark: open + replay of %,d transactions in %d blocks without a checkpoint: median %.2f s, best %.2f s "
                        + "(goal <= %.1f s: %s; %,.0f transactions/s)%n",
                BLOCKS * PER_BLOCK, BLOCKS, without[runs / 2], without[0], GOAL_SECONDS, without[runs / 2] <= GOAL_SECONDS ? "met" : "NOT met",
                BLOCKS * PER_BLOCK / without[runs / 2]);
        System.out.printf("RestartBenchmark: with the node's checkpoint: median %.2f s, best %.2f s (goal <= %.1f s: %s)%n",
                with[runs / 2], with[0], CHECKPOINT_GOAL_SECONDS, with[runs / 2] <= CHECKPOINT_GOAL_SECONDS ? "met" : "NOT met");
    }

    static double restartOnce(Path base) {
        long start = System.nanoTime();
        try (InMemoryNetwork network = new InMemoryNetwork(1);
             Node node = new Node(NODE, SEALER, GENESIS, Contracts.standard(), base, network, System::currentTimeMillis, 1)) {
            double seconds = (System.nanoTime() - start) / 1e9;
            if (node.chain().height() != BLOCKS || node.refusal().isPresent()) {
                throw new IllegalStateException("the node replayed to height " + node.chain().height() + ", refusal " + node.refusal());
            }
            long nonces = 0;
            for (int s = 0; s < SENDERS; s++) {
                nonces += node.chain().tipState().nextNonce(DevAccounts.ganacheAccount(s).address());
            }
            if (nonces != (long) BLOCKS * PER_BLOCK) {
                throw new IllegalStateException("the replayed state holds " + nonces + " transactions");
            }
            return seconds;
        }
    }

    /** Builds the store once: signs 100,000 transfers (on every core), assembles, mines and appends 10 blocks. */
    static void ensureStore(Path base) throws Exception {
        Path done = base.resolve("complete");
        String genesisLine = "genesis " + org.careledger.contracts.DevConsortium.genesisHeader(GENESIS).hash().hex();
        if (Files.exists(done) && Files.readString(done).contains(genesisLine)) {
            return;
        }
        deleteRecursively(base);
        long start = System.nanoTime();
        System.out.printf("RestartBenchmark: building a store of %,d transactions under %s (once)...%n", BLOCKS * PER_BLOCK, base);
        SignatureCache cache = new SignatureCache(BLOCKS * PER_BLOCK + 1);
        Chain chain = new Chain(GENESIS, Contracts.standard(), new BlockRules(GENESIS, System::currentTimeMillis, cache));
        int perSender = PER_BLOCK / SENDERS;
        try (Miner miner = new Miner(1);
             BlockStore store = BlockStore.open(base.resolve("nodes").resolve(NODE).resolve("blocks"))) {
            for (int b = 0; b < BLOCKS; b++) {
                int block = b;
                List<int[]> slots = new ArrayList<>();
                for (int n = 0; n < perSender; n++) {
                    for (int s = 0; s < SENDERS; s++) {
                        slots.add(new int[] {s, block * perSender + n});
                    }
                }
                List<Transaction> txs = slots.parallelStream().map(slot -> {
                    Transaction tx = Transaction.sign(GENESIS.chainId(), DevAccounts.ganacheAccount(slot[0]), slot[1],
                            Tokens.transfer(DevAccounts.ganacheAccount((slot[0] + 1) % SENDERS).address(), 1 + slot[1] % 7), 1000);
                    cache.isValid(tx); // verify once here, in parallel; assembly and validation then find it cached
                    return tx;
                }).toList();
                BlockAssembler.Template template = BlockAssembler.assemble(chain, txs, SEALER.address(),
                        GENESIS.timestamp() + 1000L * (block + 1));
                if (template.transactions().size() != PER_BLOCK) {
                    throw new IllegalStateException("refused: " + template.refused().get(0).reason().getMessage());
                }
                BlockHeader mined = miner.start(template.header()).result().get(60, TimeUnit.SECONDS).orElseThrow();
                Block sealed = new Block(mined, Secp256k1.sign(SEALER, mined.hash().bytes()), template.transactions());
                chain.add(sealed);
                store.append(sealed.height(), sealed.encode());
                System.out.printf("RestartBenchmark: block %d of %d stored (%,d bytes)%n", block + 1, BLOCKS, sealed.encode().length);
            }
        }
        Files.writeString(done, genesisLine + "\nbuilt in " + (System.nanoTime() - start) / 1_000_000 + " ms\n");
        System.out.printf("RestartBenchmark: store built in %.1f s%n", (System.nanoTime() - start) / 1e9);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted((x, y) -> y.getNameCount() - x.getNameCount()).toList()) {
                Files.delete(p);
            }
        }
    }
}

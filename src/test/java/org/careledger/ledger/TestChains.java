package org.careledger.ledger;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.careledger.contracts.Contracts;
import org.careledger.crypto.DevAccounts;
import org.careledger.crypto.PrivateKey;

/** Chains for tests: the dev genesis with dev accounts 7 and 8 as sealers, and helpers to mine. */
public final class TestChains {

    public static final long CHAIN_ID = 31337;
    public static final long GENESIS_TIME = 1_767_225_600_000L; // 2026-01-01T00:00:00Z
    public static final PrivateKey SEALER_A = DevAccounts.ganacheAccount(7);
    public static final PrivateKey SEALER_B = DevAccounts.ganacheAccount(8);
    public static final PrivateKey OUTSIDER = DevAccounts.ganacheAccount(11);
    public static final Genesis GENESIS = Genesis.dev(CHAIN_ID, GENESIS_TIME,
            List.of(new Genesis.Sealer("st-marys", SEALER_A.publicKey()), new Genesis.Sealer("riverside", SEALER_B.publicKey())));

    /** One sealer, for tests of a single node's store. */
    public static final Genesis SOLO = Genesis.dev(CHAIN_ID, GENESIS_TIME, List.of(new Genesis.Sealer("solo", SEALER_A.publicKey())));

    private static final Miner MINER = new Miner(2);

    /** The one node of {@link #SOLO}, storing under {@code dataDir}. */
    public static Node soloNode(java.nio.file.Path dataDir, InMemoryNetwork network) {
        return new Node("solo", SEALER_A, SOLO, Contracts.standard(), dataDir, network, System::currentTimeMillis, 1);
    }

    private TestChains() {
    }

    public static Chain newChain() {
        return newChain(GENESIS, Contracts.standard());
    }

    /** A chain of {@code genesis} (sealed by {@link #SEALER_A}) running {@code machine}'s contracts. */
    public static Chain newChain(Genesis genesis, StateMachine machine) {
        return new Chain(genesis, machine, new BlockRules(genesis, () -> GENESIS_TIME + 3_600_000, new SignatureCache(10_000)));
    }

    /** Assembles, mines and seals the next block on {@code chain}'s tip (not added). */
    public static Block mineNext(Chain chain, PrivateKey sealer, List<Transaction> txs, long timestamp) {
        BlockAssembler.Template template = BlockAssembler.assemble(chain, txs, sealer.address(), timestamp);
        return forge(template.header(), template.transactions(), sealer);
    }

    /** Mines any header (valid or not) and seals it. */
    public static Block forge(BlockHeader header, List<Transaction> txs, PrivateKey sealer) {
        try {
            BlockHeader mined = MINER.start(header).result().get(60, TimeUnit.SECONDS).orElseThrow();
            return new Block(mined, org.careledger.crypto.Secp256k1.sign(sealer, mined.hash().bytes()), txs);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static Transaction transfer(PrivateKey from, long nonce, PrivateKey to, long amount) {
        return Transaction.sign(CHAIN_ID, from, nonce, org.careledger.contracts.Tokens.transfer(to.address(), amount), 1000);
    }
}

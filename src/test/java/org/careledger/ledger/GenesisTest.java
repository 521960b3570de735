package org.careledger.ledger;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.careledger.contracts.Contracts;
import org.careledger.crypto.Address;
import org.careledger.crypto.DevAccounts;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careledger.ledger.TestChains.*;

class GenesisTest {

    private static Hash genesisHash(Genesis genesis) {
        return GenesisBlock.header(genesis, Contracts.standard().genesisState(genesis)).hash();
    }

    private static Genesis withParameters(Genesis g, UnaryOperator<long[]> change) {
        Genesis.Parameters p = g.parameters();
        long[] v = {p.targetBlockMillis(), p.retargetInterval(), p.initialDifficulty(), p.minDifficulty(), p.minFee(),
                p.emergencyAccessMillis(), p.maxFutureMillis(), p.maxBlockTransactions()};
        long[] c = change.apply(v.clone());
        return new Genesis(g.chainId(), g.timestamp(), g.sealers(), new Genesis.Parameters(c[0], (int) c[1], c[2], c[3], c[4], c[5], c[6],
                (int) c[7]), g.balances(), g.treasury());
    }

    private static long[] plusOne(long[] v, int i) {
        v[i]++;
        return v;
    }

    @Test
    void changingAnyGenesisParameterChangesTheGenesisHash() {
        Genesis base = GENESIS;
        Map<String, Genesis> variants = new LinkedHashMap<>();
        variants.put("chain id", new Genesis(base.chainId() + 1, base.timestamp(), base.sealers(), base.parameters(), base.balances(), null));
        variants.put("timestamp", new Genesis(base.chainId(), base.timestamp() + 1, base.sealers(), base.parameters(), base.balances(), null));
        variants.put("sealer order", new Genesis(base.chainId(), base.timestamp(), List.of(base.sealers().get(1), base.sealers().get(0)),
                base.parameters(), base.balances(), null));
        variants.put("sealer name", new Genesis(base.chainId(), base.timestamp(), List.of(base.sealers().get(0),
                new Genesis.Sealer("elsewhere", base.sealers().get(1).key())), base.parameters(), base.balances(), null));
        variants.put("one more sealer", new Genesis(base.chainId(), base.timestamp(), List.of(base.sealers().get(0), base.sealers().get(1),
                new Genesis.Sealer("northgate", DevAccounts.ganacheAccount(9).publicKey())), base.parameters(), base.balances(), null));
        String[] names = {"target block time", "retarget interval", "initial difficulty", "minimum difficulty", "minimum fee",
                "emergency-access duration", "max future time", "max block transactions"};
        for (int i = 0; i < names.length; i++) {
            int field = i;
            variants.put(names[i], withParameters(base, v -> plusOne(v, field)));
        }
        Map<Address, Long> richer = new LinkedHashMap<>(base.balances());
        Address first = richer.keySet().iterator().next();
        richer.put(first, richer.get(first) + 1);
        variants.put("a balance", new Genesis(base.chainId(), base.timestamp(), base.sealers(), base.parameters(), richer, null));
        Map<Address, Long> another = new LinkedHashMap<>(base.balances());
        another.put(DevAccounts.ganacheAccount(12).address(), 0L);
        variants.put("a zero balance listed", new Genesis(base.chainId(), base.timestamp(), base.sealers(), base.parameters(), another, null));
        variants.put("a treasury", new Genesis(base.chainId(), base.timestamp(), base.sealers(), base.parameters(), base.balances(),
                DevAccounts.ganacheAccount(4).address()));

        Hash baseHash = genesisHash(base);
        assertThat(genesisHash(new Genesis(base.chainId(), base.timestamp(), base.sealers(), base.parameters(), base.balances(), null)))
                .as("the same parameters give the same hash").isEqualTo(baseHash);
        variants.forEach((what, variant) -> assertThat(genesisHash(variant)).as("changing " + what).isNotEqualTo(baseHash));
        assertThat(variants.values().stream().map(GenesisTest::genesisHash).distinct()).hasSize(variants.size());
    }

    @Test
    void aChainOfOneGenesisIsNotAcceptedUnderAnotherThatDiffersOnlyInAParameter() {
        Genesis longerEmergencies = withParameters(GENESIS, v -> plusOne(v, 5));
        Chain ours = newChain();
        Block block = mineNext(ours, SEALER_A, List.of(transfer(DevAccounts.ganacheAccount(0), 0, DevAccounts.ganacheAccount(1), 5)),
                GENESIS_TIME + 1000);
        ours.add(block);
        Chain theirs = new Chain(longerEmergencies, Contracts.standard(), ours.rules());
        assertThat(theirs.add(block).kind()).as("block 1 names a parent this chain does not have").isEqualTo(ChainUpdate.Kind.ORPHAN);

        ProofBundle bundle = ours.proofOf(block.transactions().get(0).id(), Map.of()).orElseThrow();
        assertThat(bundle.verify(GENESIS, genesisHash(GENESIS)).valid()).isTrue();
        ProofBundle.Verdict foreign = bundle.verify(longerEmergencies, genesisHash(longerEmergencies));
        assertThat(foreign.valid()).isFalse();
        assertThat(foreign.rule()).isEqualTo("genesis");
    }
}

package org.careledger.ledger.properties;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import org.careledger.contracts.StateView;
import org.careledger.ledger.Arg;
import org.careledger.crypto.PrivateKey;
import org.careledger.ledger.Block;
import org.careledger.ledger.BlockAssembler;
import org.careledger.ledger.Chain;
import org.careledger.ledger.TestChains;
import org.careledger.ledger.Transaction;
import org.careledger.ledger.WorldState;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careledger.ledger.properties.Ledgers.*;

/**
 * No sequence of transfers, valid or not, creates or destroys tokens or drives a balance below
 * zero: the assembler leaves out what the rules refuse, and what it keeps conserves the supply.
 */
class SupplyConservationProperties {

    /** One transfer as generated: sender 0-9, recipient 0-11 (10 and 11 start empty), amount, fee, nonce glitch. */
    record Spec(int sender, int recipient, long amount, long fee, int nonceShift) {
    }

    @Provide
    Arbitrary<List<Spec>> transfers() {
        return specs().list().ofMinSize(1).ofMaxSize(24);
    }

    Arbitrary<Spec> specs() {
        Arbitrary<Long> amounts = Arbitraries.oneOf(
                Arbitraries.longs().between(-5 * TOKEN, 120 * TOKEN),
                Arbitraries.longs().between(1, 40 * TOKEN),
                Arbitraries.of(0L, -1L, 1L, Long.MIN_VALUE, Long.MAX_VALUE, 100 * TOKEN, 100 * TOKEN - 1000, 200 * TOKEN));
        Arbitrary<Long> fees = Arbitraries.of(1000L, 1000L, 1000L, 2500L, 999L, 0L, 101 * TOKEN);
        Arbitrary<Integer> nonceShifts = Arbitraries.frequency(
                Tuple.of(8, 0), Tuple.of(1, -1), Tuple.of(1, 1));
        return Combinators.combine(Arbitraries.integers().between(0, 9), Arbitraries.integers().between(0, 11),
                amounts, fees, nonceShifts).as(Spec::new);
    }

    @Property(tries = 100)
    void tokenSupplyIsConservedByAnySequenceOfTransactions(
            @ForAll("transfers") List<Spec> specs,
            @ForAll @IntRange(min = 1, max = 4) int blocks) {
        Chain chain = TestChains.newChain();
        long supply = TestChains.GENESIS.totalSupply();
        assertThat(supply).isEqualTo(10 * 100 * TOKEN);
        assertThat(supply(chain.tipState())).isEqualTo(supply);

        // Sign every transfer up front; nonces count per sender in list order, with occasional glitches.
        Map<Integer, Long> nextNonce = new HashMap<>();
        List<Transaction> txs = new ArrayList<>();
        for (Spec s : specs) {
            long nonce = Math.max(0, nextNonce.getOrDefault(s.sender(), 0L) + s.nonceShift());
            nextNonce.merge(s.sender(), 1L, Long::sum);
            PrivateKey from = account(s.sender());
            txs.add(transfer(from, nonce, account(s.recipient()).address(), s.amount(), s.fee()));
        }

        int perBlock = (txs.size() + blocks - 1) / blocks;
        for (int b = 0; b < blocks; b++) {
            List<Transaction> candidates = txs.subList(Math.min(txs.size(), b * perBlock), Math.min(txs.size(), (b + 1) * perBlock));
            PrivateKey sealer = b % 2 == 0 ? TestChains.SEALER_A : TestChains.SEALER_B;
            long heightBefore = chain.height();
            BlockAssembler.Template template = mineOnto(chain, sealer, candidates, blockTime(heightBefore + 1));
            assertThat(chain.height()).as("block %d was accepted", b).isEqualTo(heightBefore + 1);

            for (Transaction tx : template.transactions()) {
                long amount = ((Arg.U64) tx.call().args().get(1)).value();
                assertThat(amount).as("an included transfer moves a positive amount").isPositive();
            }
            for (BlockAssembler.Refused refused : template.refused()) {
                long amount = ((Arg.U64) refused.transaction().call().args().get(1)).value();
                if (amount <= 0) {
                    assertThat(refused.reason().rule()).isIn("tokens.amount", "nonce", "fee", "tokens.balance");
                }
            }
            assertThat(template.transactions().size() + template.refused().size()).isEqualTo(candidates.size());

            WorldState state = chain.tipState();
            assertThat(supply(state)).as("supply after block %d", b + 1).isEqualTo(supply);
            assertThat(balanceEntries(state).values()).as("no balance is negative")
                    .allSatisfy(v -> assertThat(StateView.toLong(v)).isNotNegative());
        }
        // Everything refused by the assembler with a non-positive amount never reached the chain.
        for (Block block : chain.mainChainBlocks()) {
            block.transactions().forEach(tx -> assertThat(((Arg.U64) tx.call().args().get(1)).value()).isPositive());
        }
    }
}

package org.careledger.ledger.properties;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.careledger.Generators;
import org.careledger.contracts.StateView;
import org.careledger.crypto.PrivateKey;
import org.careledger.ledger.Arg;
import org.careledger.ledger.Block;
import org.careledger.ledger.BlockAssembler;
import org.careledger.ledger.Chain;
import org.careledger.ledger.TestChains;
import org.careledger.ledger.Transaction;
import org.careledger.ledger.WorldState;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careledger.ledger.properties.Ledgers.*;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

/**
 * No sequence of transfers, valid or not, creates or destroys tokens or drives a balance below
 * zero: the assembler leaves out what the rules refuse, and what it keeps conserves the supply.
 */
class SupplyConservationPropertiesTest {

    /** One transfer as generated: sender 0-9, recipient 0-11 (10 and 11 start empty), amount, fee, nonce glitch. */
    record Spec(int sender, int recipient, long amount, long fee, int nonceShift) {
    }

    private static Gen<List<Spec>> transfers() {
        return lists().of(specs()).ofSizeBetween(1, 24);
    }

    private static Gen<Spec> specs() {
        Gen<Long> amounts = Generators.oneOf(
                longs().between(-5 * TOKEN, 120 * TOKEN),
                longs().between(1, 40 * TOKEN),
                arbitrary().pick(0L, -1L, 1L, Long.MIN_VALUE, Long.MAX_VALUE, 100 * TOKEN, 100 * TOKEN - 1000, 200 * TOKEN));
        Gen<Long> fees = arbitrary().pick(1000L, 1000L, 1000L, 2500L, 999L, 0L, 101 * TOKEN);
        Gen<Integer> nonceShifts = Generate.frequency(
                Pair.of(8, Generate.constant(0)), Pair.of(1, Generate.constant(-1)), Pair.of(1, Generate.constant(1)));
        return integers().between(0, 9).zip(integers().between(0, 11), amounts, fees, nonceShifts, Spec::new);
    }

    @Test
    void tokenSupplyIsConservedByAnySequenceOfTransactions() {
        qt().withExamples(100)
                .forAll(transfers(), integers().between(1, 4))
                .checkAssert(SupplyConservationPropertiesTest::assertTheSupplyIsConserved);
    }

    /** Signs {@code specs} and mines them into {@code blocks} blocks, checking the supply after each. */
    private static void assertTheSupplyIsConserved(List<Spec> specs, int blocks) {
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

package org.careledger.ledger.properties;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.careledger.crypto.PrivateKey;
import org.careledger.ledger.Block;
import org.careledger.ledger.Chain;
import org.careledger.ledger.TestChains;
import org.careledger.ledger.Transaction;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careledger.ledger.properties.Ledgers.*;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

/**
 * A chain that follows one branch, switches to a competing branch and back again ends in exactly
 * the state of a chain that only ever saw the winning branch: reorganisations revert and reapply
 * state without a trace.
 */
class ReorganisationPropertiesTest {

    /** A transfer on a branch: sender 0-9, recipient 0-11, amount in tokens (some overdraw). */
    record Move(int sender, int recipient, long tokens) {
    }

    /** One to five blocks of up to four moves each. */
    private static Gen<List<List<Move>>> branch() {
        Gen<Move> move = integers().between(0, 9).zip(integers().between(0, 11), longs().between(1, 70), Move::new);
        return lists().of(lists().of(move).ofSizeBetween(0, 4)).ofSizeBetween(1, 5);
    }

    @Test
    void aReorganisationFollowedByItsReverseRestoresTheExactStateRoot() {
        qt().withExamples(100)
                .forAll(branch(), branch(), integers().between(1, 4), integers().between(1, 2))
                .checkAssert(ReorganisationPropertiesTest::assertReorganisingThereAndBackRestoresTheStateRoot);
    }

    /** Shows a third chain branch A's first {@code prefix} blocks, then branch B, then the rest of A. */
    private static void assertReorganisingThereAndBackRestoresTheStateRoot(List<List<Move>> movesA, List<List<Move>> movesB,
                                                                           int prefix, int leadOfA) {
        // Branch B is lighter than branch A at the end, heavier than A's first `shown` blocks.
        List<List<Move>> b = new ArrayList<>(movesB);
        while (b.size() < 2) {
            b.add(List.of());
        }
        int lengthB = b.size();
        int shown = Math.min(prefix, lengthB - 1);
        List<List<Move>> a = new ArrayList<>(movesA);
        while (a.size() < lengthB + leadOfA) {
            a.add(List.of());
        }
        Chain chainA = TestChains.newChain();
        List<Block> branchA = mineBranch(chainA, TestChains.SEALER_A, a, 0);
        Chain chainB = TestChains.newChain();
        List<Block> branchB = mineBranch(chainB, TestChains.SEALER_B, b, 500);

        Chain third = TestChains.newChain();
        for (int i = 0; i < shown; i++) {
            third.add(branchA.get(i));
        }
        assertThat(third.tip()).isEqualTo(shown == 0 ? third.genesisHeader() : branchA.get(shown - 1).header());
        branchB.forEach(third::add);
        assertThat(third.tip()).as("the heavier branch B is followed").isEqualTo(chainB.tip());
        assertThat(third.tipState().root()).isEqualTo(chainB.tipState().root());

        for (int i = shown; i < branchA.size(); i++) {
            third.add(branchA.get(i));
        }
        assertThat(third.tip()).as("the heavier branch A is followed again").isEqualTo(chainA.tip());
        assertThat(third.height()).isEqualTo(branchA.size());
        assertThat(third.tipState().root()).as("the state root after the reverse reorganisation")
                .isEqualTo(chainA.tipState().root());
        assertThat(third.mainChainBlocks()).containsExactlyElementsOf(branchA);
        assertThat(supply(third.tipState())).isEqualTo(TestChains.GENESIS.totalSupply());
    }

    /** Mines one block per list of moves; the assembler leaves out overdrafts. */
    private static List<Block> mineBranch(Chain chain, PrivateKey sealer, List<List<Move>> blocks, long timeOffset) {
        Map<Integer, Long> nonces = new HashMap<>();
        for (List<Move> moves : blocks) {
            List<Transaction> txs = new ArrayList<>();
            for (Move m : moves) {
                long nonce = nonces.getOrDefault(m.sender(), 0L);
                txs.add(transfer(account(m.sender()), nonce, account(m.recipient()).address(), m.tokens() * TOKEN, 1000));
                nonces.put(m.sender(), nonce + 1);
            }
            var template = mineOnto(chain, sealer, txs, blockTime(chain.height() + 1) + timeOffset);
            // a refused transfer leaves its nonce unused: later ones of that sender are refused too, which is fine,
            // but keep the counter in step with the chain so the branch keeps moving tokens.
            template.refused().forEach(r -> nonces.put(indexOf(r.transaction()), chain.tipState().nextNonce(r.transaction().senderAddress())));
        }
        return chain.mainChainBlocks();
    }

    private static int indexOf(Transaction tx) {
        for (int i = 0; i < ACCOUNTS.size(); i++) {
            if (ACCOUNTS.get(i).address().equals(tx.senderAddress())) {
                return i;
            }
        }
        throw new IllegalStateException("unknown sender " + tx.senderAddress());
    }
}

package org.careledger.ledger;

import java.util.List;

import org.careledger.crypto.DevAccounts;
import org.careledger.crypto.PrivateKey;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Block assembly keeps what may still become valid: a transaction refused only because an earlier
 * nonce of its sender is missing stays in the pool (dropping it would strand every later transaction
 * of that sender); one refused for good, or whose nonce is used, goes.
 */
class BlockAssemblerTest {

    private static final PrivateKey ALICE = DevAccounts.ganacheAccount(0);
    private static final PrivateKey BOB = DevAccounts.ganacheAccount(1);

    @Test
    void aTransactionAheadOfAMissingNonceIsRefusedForNowButNotForGood() {
        Chain chain = TestChains.newChain();
        Transaction second = TestChains.transfer(ALICE, 1, BOB, 1_000);
        Transaction overdraft = TestChains.transfer(BOB, 0, ALICE, Long.MAX_VALUE / 2);

        BlockAssembler.Template template = BlockAssembler.assemble(chain, List.of(second, overdraft),
                TestChains.SEALER_A.address(), TestChains.GENESIS_TIME + 1_000);

        assertThat(template.transactions()).isEmpty();
        assertThat(template.refused()).extracting(r -> r.transaction().id(), BlockAssembler.Refused::permanent)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(second.id(), false),
                        org.assertj.core.groups.Tuple.tuple(overdraft.id(), true));
    }

    @Test
    void theParentAndTheStateOfATemplateAreTheSameBlocks() {
        Chain chain = TestChains.newChain();
        chain.add(TestChains.mineNext(chain, TestChains.SEALER_A, List.of(TestChains.transfer(ALICE, 0, BOB, 1)), TestChains.GENESIS_TIME + 1_000));
        BlockAssembler.Template template = BlockAssembler.assemble(chain, List.of(TestChains.transfer(ALICE, 1, BOB, 1)),
                TestChains.SEALER_A.address(), TestChains.GENESIS_TIME + 2_000);
        assertThat(template.header().previousHash()).isEqualTo(chain.tip().hash());
        assertThat(template.transactions()).hasSize(1);
    }

    @Test
    void aTransactionRefusedForGoodTakesItsSendersLaterNoncesWithItAndNothingElse() throws Exception {
        Chain chain = TestChains.newChain();
        Mempool pool = new Mempool(MempoolLimits.standard());
        List<Transaction> alice = List.of(TestChains.transfer(ALICE, 0, BOB, 1), TestChains.transfer(ALICE, 1, BOB, 1),
                TestChains.transfer(ALICE, 2, BOB, 1));
        Transaction bob = TestChains.transfer(BOB, 0, ALICE, 1);
        for (Transaction tx : List.of(alice.get(0), alice.get(1), alice.get(2), bob)) {
            assertThat(pool.admit(tx, chain.tipStateForReading(), chain.rules(), 0)).isTrue();
        }
        pool.dropRefused(List.of(alice.get(1)));
        assertThat(pool.pending()).extracting(Transaction::id).containsExactlyInAnyOrder(alice.get(0).id(), bob.id());
    }
}

package org.careledger.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.careledger.contracts.ContractState;
import org.careledger.contracts.Tokens;
import org.careledger.crypto.Address;
import org.careledger.crypto.DevAccounts;
import org.careledger.crypto.PrivateKey;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.careledger.ledger.TestChains.*;

class ChainTest {

    private static final PrivateKey ALICE = DevAccounts.ganacheAccount(0);
    private static final PrivateKey BOB = DevAccounts.ganacheAccount(1);
    private static final long TOKEN = Genesis.UNITS_PER_TOKEN;

    private static long balance(Chain chain, Address a) {
        return Tokens.balanceOf(((ContractState) chain.tipState()).view(), a);
    }

    private static long supply(Chain chain) {
        ContractState state = (ContractState) chain.tipState();
        return state.readPrefix("tokens.balance/").values().stream().mapToLong(org.careledger.contracts.StateView::toLong).sum();
    }

    @Test
    void aMinedBlockMovesTokensPaysTheSealerItsFeeAndConservesTheSupply() {
        Chain chain = newChain();
        Block block = mineNext(chain, SEALER_A, List.of(transfer(ALICE, 0, BOB, 5 * TOKEN), transfer(ALICE, 1, BOB, 1 * TOKEN)), GENESIS_TIME + 1000);
        ChainUpdate update = chain.add(block);
        assertThat(update.kind()).isEqualTo(ChainUpdate.Kind.EXTENDED);
        assertThat(chain.height()).isEqualTo(1);
        assertThat(balance(chain, ALICE.address())).isEqualTo(94 * TOKEN - 2000);
        assertThat(balance(chain, BOB.address())).isEqualTo(106 * TOKEN);
        assertThat(balance(chain, SEALER_A.address())).isEqualTo(100 * TOKEN + 2000);
        assertThat(supply(chain)).isEqualTo(GENESIS.totalSupply());
        assertThat(chain.add(block).kind()).isEqualTo(ChainUpdate.Kind.DUPLICATE);
    }

    @Test
    void theAssemblerLeavesOutAnOverdraftAndAReplayedNonce() {
        Chain chain = newChain();
        Transaction ok = transfer(ALICE, 0, BOB, 60 * TOKEN);
        Transaction overdraft = transfer(ALICE, 1, BOB, 60 * TOKEN);
        Transaction replay = transfer(ALICE, 0, BOB, 1 * TOKEN);
        BlockAssembler.Template t = BlockAssembler.assemble(chain, List.of(ok, overdraft, replay), SEALER_A.address(), GENESIS_TIME + 1000);
        assertThat(t.transactions()).containsExactly(ok);
        assertThat(t.refused()).extracting(r -> r.reason().rule()).containsExactly("tokens.balance", "nonce");
    }

    private static Block tampered(Chain chain, UnaryOperator<BlockHeader> change, List<Transaction> txs, PrivateKey sealer) {
        BlockAssembler.Template t = BlockAssembler.assemble(chain, txs, sealer.address(), GENESIS_TIME + 1000);
        return forge(change.apply(t.header()), txs, sealer);
    }

    private static BlockHeader with(BlockHeader h, Hash prev, Hash merkle, Hash state, long time, long difficulty) {
        return new BlockHeader(h.version(), h.height(), prev, merkle, state, time, difficulty, h.sealer(), 0);
    }

    @Test
    void eachBrokenRuleIsRejectedWithTheHeightAndTheRuleNamed() {
        Chain chain = newChain();
        List<Transaction> txs = List.of(transfer(ALICE, 0, BOB, TOKEN));
        Block unknownParent = tampered(chain, h -> with(h, Hash.sha256(new byte[] {1}), h.merkleRoot(), h.stateRoot(), h.timestamp(), h.difficulty()), txs, SEALER_A);
        assertThat(chain.add(unknownParent).kind()).as("a block whose parent is unknown waits as an orphan").isEqualTo(ChainUpdate.Kind.ORPHAN);
        assertThatThrownBy(() -> chain.rules().validate(unknownParent, chain.tip(), h -> chain.tip(), chain.tipState()))
                .isInstanceOf(BlockRejectedException.class).hasMessageStartingWith("block 1 rejected by checkPreviousHash");
        assertRejected(chain, tampered(chain, h -> with(h, h.previousHash(), Hash.ZERO, h.stateRoot(), h.timestamp(), h.difficulty()), txs, SEALER_A), "checkMerkleRoot");
        assertRejected(chain, tampered(chain, h -> with(h, h.previousHash(), h.merkleRoot(), Hash.ZERO, h.timestamp(), h.difficulty()), txs, SEALER_A), "checkStateRoot");
        assertRejected(chain, tampered(chain, h -> with(h, h.previousHash(), h.merkleRoot(), h.stateRoot(), GENESIS_TIME - 1, h.difficulty()), txs, SEALER_A), "checkTimestamp");
        assertRejected(chain, tampered(chain, h -> with(h, h.previousHash(), h.merkleRoot(), h.stateRoot(), GENESIS_TIME + 86_400_000, h.difficulty()), txs, SEALER_A), "checkTimestamp");
        assertRejected(chain, tampered(chain, h -> with(h, h.previousHash(), h.merkleRoot(), h.stateRoot(), h.timestamp(), h.difficulty() - 1), txs, SEALER_A), "checkDifficulty");
        assertRejected(chain, tampered(chain, UnaryOperator.identity(), txs, OUTSIDER), "checkSealer");

        Block good = mineNext(chain, SEALER_A, txs, GENESIS_TIME + 1000);
        Block badSignature = new Block(good.header(), org.careledger.crypto.Secp256k1.sign(SEALER_B, good.hash().bytes()), txs);
        assertRejected(chain, badSignature, "checkSealer");
        Block badWork = badWork(good);
        assertRejected(chain, badWork, "checkProofOfWork");

        Transaction t0 = txs.get(0);
        Block duplicate = tampered(chain, UnaryOperator.identity(), List.of(t0, t0), SEALER_A);
        assertRejected(chain, duplicate, "checkMerkleRoot");
        assertThat(chain.height()).as("nothing was accepted").isZero();
        assertThat(chain.add(good).kind()).isEqualTo(ChainUpdate.Kind.EXTENDED);
    }

    private static Block badWork(Block good) {
        for (long n = good.header().nonce() + 1; ; n++) {
            BlockHeader h = good.header().withNonce(n);
            if (!ProofOfWork.satisfiedBy(h)) {
                return new Block(h, org.careledger.crypto.Secp256k1.sign(SEALER_A, h.hash().bytes()), good.transactions());
            }
        }
    }

    @Test
    void aBlockWhoseTransactionBreaksAContractRuleIsRejected() {
        Chain chain = newChain();
        Transaction overdraft = transfer(ALICE, 0, BOB, 500 * TOKEN);
        BlockAssembler.Template t = BlockAssembler.assemble(chain, List.of(), SEALER_A.address(), GENESIS_TIME + 1000);
        BlockHeader h = t.header();
        BlockHeader lying = new BlockHeader(h.version(), h.height(), h.previousHash(), MerkleTree.rootOf(List.of(overdraft.id())),
                h.stateRoot(), h.timestamp(), h.difficulty(), h.sealer(), 0);
        assertThatThrownBy(() -> chain.add(forge(lying, List.of(overdraft), SEALER_A)))
                .isInstanceOf(BlockRejectedException.class)
                .hasMessageContaining("block 1 rejected by checkTransactions").hasMessageContaining("tokens.balance");
    }

    private static void assertRejected(Chain chain, Block block, String rule) {
        assertThatThrownBy(() -> chain.add(block)).isInstanceOf(BlockRejectedException.class)
                .hasMessageStartingWith("block 1 rejected by " + rule)
                .satisfies(e -> assertThat(((BlockRejectedException) e).rule()).isEqualTo(rule));
    }

    @Test
    void theHeavierBranchWinsAndTheStateIsExactlyThatOfReplayingItThenBackAgain() {
        Chain a = newChain();
        Chain b = newChain();
        List<Block> branchA = new ArrayList<>();
        branchA.add(mineNext(a, SEALER_A, List.of(transfer(ALICE, 0, BOB, 10 * TOKEN)), GENESIS_TIME + 1000));
        a.add(branchA.get(0));
        List<Block> branchB = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Block blk = mineNext(b, SEALER_B, List.of(transfer(BOB, i, ALICE, 3 * TOKEN)), GENESIS_TIME + 1000 + i);
            b.add(blk);
            branchB.add(blk);
        }
        Hash rootA = a.tipState().root();
        Hash rootB = b.tipState().root();

        boolean bWinsTheTie = branchB.get(0).hash().compareTo(branchA.get(0).hash()) < 0;
        ChainUpdate first = a.add(branchB.get(0));
        ChainUpdate second = a.add(branchB.get(1));
        if (bWinsTheTie) {
            assertThat(first.kind()).as("equal work, lower hash").isEqualTo(ChainUpdate.Kind.REORGANISED);
            assertThat(first.disconnected()).containsExactly(branchA.get(0));
            assertThat(second.kind()).isEqualTo(ChainUpdate.Kind.EXTENDED);
        } else {
            assertThat(first.kind()).as("equal work, higher hash").isEqualTo(ChainUpdate.Kind.SIDE_BRANCH);
            assertThat(second.kind()).isEqualTo(ChainUpdate.Kind.REORGANISED);
            assertThat(second.disconnected()).containsExactly(branchA.get(0));
            assertThat(second.connected()).containsExactlyElementsOf(branchB);
        }
        assertThat(a.tipState().root()).isEqualTo(rootB);
        assertThat(a.tip()).isEqualTo(b.tip());

        // and back: branch A grows heavier again
        Chain a2 = newChain();
        a2.add(branchA.get(0));
        Block a2b = mineNext(a2, SEALER_A, List.of(), GENESIS_TIME + 2000);
        a2.add(a2b);
        Block a3 = mineNext(a2, SEALER_A, List.of(), GENESIS_TIME + 3000);
        a2.add(a3);
        ChainUpdate.Kind atEqualWork = a.add(a2b).kind();
        ChainUpdate.Kind atMoreWork = a.add(a3).kind();
        assertThat(List.of(atEqualWork, atMoreWork)).contains(ChainUpdate.Kind.REORGANISED);
        assertThat(a.tip()).isEqualTo(a2.tip());
        assertThat(a.tipState().root()).isEqualTo(a2.tipState().root());
        assertThat(rootA).isNotEqualTo(rootB);
    }

    @Test
    void aCommittedTransactionIsFoundInItsBlockUntilAReorganisationTakesThatBlockAway() {
        Chain a = newChain();
        Chain b = newChain();
        Transaction onA = transfer(ALICE, 0, BOB, 10 * TOKEN);
        Block blockA = mineNext(a, SEALER_A, List.of(onA), GENESIS_TIME + 1000);
        a.add(blockA);
        List<Transaction> onB = List.of(transfer(BOB, 0, ALICE, 3 * TOKEN), transfer(BOB, 1, ALICE, 3 * TOKEN));
        Block b1 = mineNext(b, SEALER_B, List.of(onB.get(0)), GENESIS_TIME + 1000);
        b.add(b1);
        Block b2 = mineNext(b, SEALER_B, List.of(onB.get(1)), GENESIS_TIME + 2000);
        b.add(b2);

        assertThat(a.locate(onA.id())).contains(new TxLocation(1, 0, blockA.hash(), GENESIS_TIME + 1000));
        assertThat(a.locate(onB.get(1).id())).as("not on a's chain yet").isEmpty();
        assertThat(a.transactionCount()).isEqualTo(1);
        assertThat(a.onMainChain(blockA.hash())).isTrue();
        assertThat(a.proofOf(onA.id(), Map.of()).orElseThrow().verify(GENESIS, a.genesisHeader().hash()).valid()).isTrue();

        a.add(b1);
        a.add(b2);
        assertThat(a.tip()).isEqualTo(b2.header());
        assertThat(a.locate(onA.id())).as("its block left the main chain").isEmpty();
        assertThat(a.transactionCount()).as("the explorer's count follows the reorganisation").isEqualTo(2);
        assertThat(a.contains(blockA.hash())).as("still known").isTrue();
        assertThat(a.onMainChain(blockA.hash())).as("but on a side branch now").isFalse();
        assertThat(a.headersDownFrom(Long.MAX_VALUE, 10)).extracting(BlockHeader::height).containsExactly(2L, 1L, 0L);
        assertThat(a.headersDownFrom(1, 10)).extracting(BlockHeader::hash).containsExactly(b1.hash(), a.genesisHeader().hash());
        assertThat(a.blocksDownFrom(5, 1)).containsExactly(b2);
        assertThat(a.headerAt(2)).contains(b2.header());
        assertThat(a.headerAt(3)).isEmpty();
        assertThat(a.proofOf(onA.id(), Map.of())).isEmpty();
        assertThat(a.locate(onB.get(1).id())).contains(new TxLocation(2, 0, b2.hash(), GENESIS_TIME + 2000));
        ProofBundle proof = a.proofOf(onB.get(0).id(), Map.of("kind", "transfer")).orElseThrow();
        assertThat(proof.verify(GENESIS, a.genesisHeader().hash())).extracting(ProofBundle.Verdict::valid, ProofBundle.Verdict::height)
                .containsExactly(true, 1L);
    }

    @Test
    void betweenBranchesOfEqualWorkEveryNodePicksTheLowerHashWhateverItSawFirst() {
        Chain a = newChain();
        Chain b = newChain();
        Block fromA = mineNext(a, SEALER_A, List.of(), GENESIS_TIME + 1000);
        Block fromB = mineNext(b, SEALER_B, List.of(), GENESIS_TIME + 1000);
        a.add(fromA);
        a.add(fromB);
        b.add(fromB);
        b.add(fromA);
        Hash lower = fromA.hash().compareTo(fromB.hash()) < 0 ? fromA.hash() : fromB.hash();
        assertThat(a.tip().hash()).isEqualTo(lower).isEqualTo(b.tip().hash());
    }

    @Test
    void aBlockWithAnUnknownParentIsAnOrphanAndChangesNothing() {
        Chain a = newChain();
        Chain b = newChain();
        Block first = mineNext(b, SEALER_B, List.of(), GENESIS_TIME + 1000);
        b.add(first);
        Block second = mineNext(b, SEALER_B, List.of(), GENESIS_TIME + 2000);
        assertThat(a.add(second).kind()).isEqualTo(ChainUpdate.Kind.ORPHAN);
        assertThat(a.height()).isZero();
    }
}

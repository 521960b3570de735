package org.careledger.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.careledger.Await;
import org.careledger.contracts.Anchors;
import org.careledger.contracts.Audit;
import org.careledger.contracts.RecordCategory;
import org.careledger.contracts.Registry;
import org.careledger.crypto.DevAccounts;
import org.careledger.crypto.PrivateKey;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The mempool as a sender meets it: what it refuses at once and why, in what order it hands
 * transactions to a block, how it slows a sender down when full instead of losing anything, and how
 * little of it one sender's fee-free calls may take.
 */
class MempoolTest {

    private static final PrivateKey ALICE = DevAccounts.ganacheAccount(0);
    private static final PrivateKey BOB = DevAccounts.ganacheAccount(1);
    private static final Hash CONTENT = Hash.sha256(new byte[] {1});

    private final Chain chain = TestChains.newChain();

    // ---- refusals at admission -----------------------------------------------------------------

    @Test
    void aTransactionWhoseSignatureDoesNotMatchItsContentIsRefused() {
        byte[] bytes = TestChains.transfer(ALICE, 0, BOB, 1).encode();
        bytes[bytes.length - 65] ^= 0x01; // the fee's last byte: 1000 becomes 1001, the signature stays
        Transaction forged = Transaction.decode(bytes);

        assertRefused(forged, "signature", "the signature does not match the sender's key");
    }

    @Test
    void aTransactionForAnotherChainIsRefused() {
        Transaction elsewhere = Transaction.sign(TestChains.CHAIN_ID + 1, ALICE, 0,
                org.careledger.contracts.Tokens.transfer(BOB.address(), 1), 1000);

        assertRefused(elsewhere, "chainId", "meant for chain 31338, not 31337");
    }

    @Test
    void aSenderTheChainDoesNotKnowIsRefused() {
        Transaction stranger = TestChains.transfer(TestChains.OUTSIDER, 0, BOB, 1);

        assertRefused(stranger, "sender", TestChains.OUTSIDER.address() + " is not a registered sender");
    }

    @Test
    void aNonceTheChainHasAlreadyUsedIsRefused() {
        chain.add(TestChains.mineNext(chain, TestChains.SEALER_A, List.of(TestChains.transfer(ALICE, 0, BOB, 1)),
                TestChains.GENESIS_TIME + 1_000));

        assertRefused(TestChains.transfer(ALICE, 0, BOB, 2), "nonce", "nonce 0 was already used; the next is 1");
    }

    @Test
    void aNonceAnotherWaitingTransactionHoldsIsRefused() throws Exception {
        Mempool pool = new Mempool(MempoolLimits.standard());
        assertThat(admit(pool, TestChains.transfer(ALICE, 0, BOB, 1))).isTrue();

        assertThatThrownBy(() -> admit(pool, TestChains.transfer(ALICE, 0, BOB, 2)))
                .isInstanceOfSatisfying(TransactionRejectedException.class, e -> assertThat(e.rule()).isEqualTo("nonce"))
                .hasMessage("another transaction with nonce 0 is already waiting");
        assertThat(pool.size()).isEqualTo(1);
    }

    @Test
    void aBulkSenderMayQueueAHundredThousandNoncesAheadButNotMore() throws Exception {
        Mempool pool = new Mempool(MempoolLimits.standard());
        assertThat(admit(pool, TestChains.transfer(ALICE, 99_999, BOB, 1))).as("the last nonce of the window").isTrue();

        assertRefused(TestChains.transfer(ALICE, 100_000, BOB, 1), "nonce", "nonce 100000 is more than 100000 ahead of the next, 0");
    }

    @Test
    void aFeeBelowTheMinimumIsRefused() {
        Transaction cheap = Transaction.sign(TestChains.CHAIN_ID, ALICE, 0, org.careledger.contracts.Tokens.transfer(BOB.address(), 1), 999);

        assertRefused(cheap, "fee", "fee 999 is below the minimum of 1000");
    }

    @Test
    void aKnownTransactionIsAdmittedOnce() throws Exception {
        Mempool pool = new Mempool(MempoolLimits.standard());
        Transaction tx = TestChains.transfer(ALICE, 0, BOB, 1);

        assertThat(admit(pool, tx)).isTrue();
        assertThat(admit(pool, tx)).as("the second arrival (from a peer, say)").isFalse();
        assertThat(pool.size()).isEqualTo(1);
    }

    // ---- order ---------------------------------------------------------------------------------

    @Test
    void aBlockGetsEachSendersTransactionsInNonceOrderWhateverOrderTheyArrivedIn() throws Exception {
        Mempool pool = new Mempool(MempoolLimits.standard());
        Transaction a0 = TestChains.transfer(ALICE, 0, BOB, 1);
        Transaction a1 = TestChains.transfer(ALICE, 1, BOB, 1);
        Transaction a2 = TestChains.transfer(ALICE, 2, BOB, 1);
        Transaction b0 = TestChains.transfer(BOB, 0, ALICE, 1);
        for (Transaction tx : List.of(a2, b0, a0, a1)) {
            admit(pool, tx);
        }

        List<Transaction> selected = pool.select(chain.tipStateForReading(), 100);

        assertThat(selected).containsExactlyInAnyOrder(a0, a1, a2, b0);
        assertThat(selected.stream().filter(tx -> tx.senderAddress().equals(ALICE.address()))).containsExactly(a0, a1, a2);
        assertThat(pool.pending().stream().filter(tx -> tx.senderAddress().equals(ALICE.address()))).containsExactly(a0, a1, a2);
        Block block = TestChains.mineNext(chain, TestChains.SEALER_A, selected, TestChains.GENESIS_TIME + 1_000);
        assertThat(block.transactions()).as("the block takes them all").hasSize(4);
    }

    @Test
    void aNonceGapHoldsBackTheSendersLaterTransactionsOnly() throws Exception {
        Mempool pool = new Mempool(MempoolLimits.standard());
        Transaction a0 = TestChains.transfer(ALICE, 0, BOB, 1);
        Transaction a2 = TestChains.transfer(ALICE, 2, BOB, 1);
        Transaction b0 = TestChains.transfer(BOB, 0, ALICE, 1);
        for (Transaction tx : List.of(a0, a2, b0)) {
            admit(pool, tx);
        }

        assertThat(pool.select(chain.tipStateForReading(), 100)).containsExactlyInAnyOrder(a0, b0);
        assertThat(pool.pending()).as("the one after the gap still waits").contains(a2);
    }

    // ---- back-pressure -------------------------------------------------------------------------

    @Test
    void aFullPoolMakesAdmitWaitAndThenSaysItIsFull() throws Exception {
        Mempool pool = new Mempool(new MempoolLimits(2, 64 * MempoolLimits.MIB, Mempool.DEFAULT_NONCE_WINDOW, 1_000, MempoolLimits.MIB));
        admit(pool, TestChains.transfer(ALICE, 0, BOB, 1));
        admit(pool, TestChains.transfer(ALICE, 1, BOB, 1));

        long started = System.nanoTime();
        assertThatThrownBy(() -> pool.admit(TestChains.transfer(ALICE, 2, BOB, 1), chain.tipStateForReading(), chain.rules(), 300))
                .isExactlyInstanceOf(Mempool.FullException.class)
                .hasMessage("The ledger's queue of waiting transactions is full (at most 2 transactions or 64 MiB); try again shortly");
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).as("it waited for space first").isGreaterThanOrEqualTo(300);
        assertThat(pool.size()).isEqualTo(2);
    }

    @Test
    void aWaitingAdmitGetsInWhenABlockMakesSpace() throws Exception {
        Mempool pool = new Mempool(new MempoolLimits(2, 64 * MempoolLimits.MIB, Mempool.DEFAULT_NONCE_WINDOW, 1_000, MempoolLimits.MIB));
        Transaction first = TestChains.transfer(ALICE, 0, BOB, 1);
        admit(pool, first);
        admit(pool, TestChains.transfer(ALICE, 1, BOB, 1));
        Transaction third = TestChains.transfer(ALICE, 2, BOB, 1);
        Thread[] waiter = new Thread[1];
        CompletableFuture<Boolean> admitted = CompletableFuture.supplyAsync(() -> {
            waiter[0] = Thread.currentThread();
            try {
                return pool.admit(third, chain.tipStateForReading(), chain.rules(), 30_000);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Await.until("the third admit waits for space", () -> waiter[0] != null && waiter[0].getState() == Thread.State.TIMED_WAITING);
        assertThat(admitted).isNotDone();

        pool.removeIncluded(List.of(first), chain.tipStateForReading());

        assertThat(admitted.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(pool.contains(third.id())).isTrue();
    }

    @Test
    void thePoolIsBoundedInBytesAsWellAsInCount() throws Exception {
        Mempool pool = new Mempool(new MempoolLimits(1_000, 8 * MempoolLimits.KIB, Mempool.DEFAULT_NONCE_WINDOW, 1_000, MempoolLimits.MIB));
        int size = TestChains.transfer(ALICE, 0, BOB, 1).size();
        int fits = (int) (8 * MempoolLimits.KIB / size);
        for (int nonce = 0; nonce < fits; nonce++) {
            assertThat(admit(pool, TestChains.transfer(ALICE, nonce, BOB, 1))).isTrue();
        }

        assertThatThrownBy(() -> admit(pool, TestChains.transfer(ALICE, fits, BOB, 1)))
                .isExactlyInstanceOf(Mempool.FullException.class).hasMessageContaining("1,000 transactions or 8 KiB");
        assertThat(pool.size()).isEqualTo(fits);
        assertThat(pool.bytes()).isEqualTo((long) fits * size).isLessThanOrEqualTo(8 * MempoolLimits.KIB);
    }

    // ---- per-sender limits ---------------------------------------------------------------------

    @Test
    void aSenderWithItsShareOfFeeFreeTransactionsWaitingIsToldAtOnceAndOthersAreNot() throws Exception {
        Mempool pool = new Mempool(feeFreeShare(3));
        for (int nonce = 0; nonce < 3; nonce++) {
            assertThat(admit(pool, anchor(ALICE, nonce))).isTrue();
        }

        long started = System.nanoTime();
        assertThatThrownBy(() -> pool.admit(anchor(ALICE, 3), chain.tipStateForReading(), chain.rules(), 60_000))
                .isInstanceOf(Mempool.SenderFullException.class).isInstanceOf(Mempool.FullException.class)
                .hasMessage(ALICE.address() + " already has 3 fee-free transactions waiting for a block, the most one sender may have; "
                        + "send it again once some are mined");
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).as("told at once, not after the minute's wait").isLessThan(5_000);
        assertThat(admit(pool, anchor(BOB, 0))).as("another sender's fee-free call").isTrue();
        assertThat(admit(pool, TestChains.transfer(ALICE, 3, BOB, 1))).as("the same sender's fee-paying transfer").isTrue();
    }

    @Test
    void aSendersShareFreesAsItsTransactionsAreMined() throws Exception {
        Mempool pool = new Mempool(feeFreeShare(2));
        Transaction first = anchor(ALICE, 0);
        admit(pool, first);
        admit(pool, anchor(ALICE, 1));
        assertThatThrownBy(() -> admit(pool, anchor(ALICE, 2))).isInstanceOf(Mempool.SenderFullException.class);

        pool.removeIncluded(List.of(first), chain.tipStateForReading()); // what a node does once a block holds it

        assertThat(admit(pool, anchor(ALICE, 2))).isTrue();
    }

    @Test
    void aShareFullOfLaterNoncesStillLetsInTheNextOneSoNothingWaitsForEver() throws Exception {
        Mempool pool = new Mempool(feeFreeShare(2));
        Transaction next = anchor(ALICE, 0);
        admit(pool, anchor(ALICE, 1));
        admit(pool, anchor(ALICE, 2));
        assertThatThrownBy(() -> admit(pool, anchor(ALICE, 3))).isInstanceOf(Mempool.SenderFullException.class);

        assertThat(admit(pool, next)).as("the nonce the chain expects next").isTrue();
        assertThat(pool.select(chain.tipStateForReading(), 100)).hasSize(3);
    }

    @Test
    void aSendersFeeFreeShareIsBoundedInBytes() throws Exception {
        Mempool pool = new Mempool(new MempoolLimits(1_000, 64 * MempoolLimits.MIB, Mempool.DEFAULT_NONCE_WINDOW, 1_000, 16 * MempoolLimits.KIB));
        assertThat(admit(pool, padded(ALICE, 0))).isTrue();
        assertThat(admit(pool, padded(ALICE, 1))).isTrue();

        assertThatThrownBy(() -> admit(pool, padded(ALICE, 2)))
                .isInstanceOf(Mempool.SenderFullException.class)
                .hasMessage(ALICE.address() + "'s fee-free transactions waiting for a block would exceed 16 KiB, the most one sender may have; "
                        + "send it again once some are mined");
        assertThat(admit(pool, anchor(BOB, 0))).isTrue();
    }

    @Test
    void aBulkFeePayingSenderIsNotHeldToTheFeeFreeShare() throws Exception {
        Mempool pool = new Mempool(MempoolLimits.standard());
        int transfers = MempoolLimits.standard().maxFeeFreePerSender() + 200;
        for (int nonce = 0; nonce < transfers; nonce++) {
            admit(pool, TestChains.transfer(ALICE, nonce, BOB, 1));
        }

        assertThat(pool.size()).isEqualTo(transfers);
    }

    @Test
    void aSealersFeeFreeRegistrationsAreNotHeldToTheShare() throws Exception {
        Mempool pool = new Mempool(feeFreeShare(2));
        for (int nonce = 0; nonce < 5; nonce++) {
            PrivateKey user = DevAccounts.ganacheAccount(20 + nonce);
            assertThat(admit(pool, Transaction.sign(TestChains.CHAIN_ID, TestChains.SEALER_A, nonce,
                    Registry.register(user.address(), "PATIENT"), 0))).isTrue();
        }

        assertThat(pool.size()).isEqualTo(5);
    }

    @Test
    void aReorganisationPutsBackWhatABlockHeldWhateverTheShare() throws Exception {
        Mempool pool = new Mempool(feeFreeShare(1));
        Transaction mined = anchor(ALICE, 0);
        Transaction waiting = anchor(ALICE, 1);
        admit(pool, waiting);

        pool.reinsert(List.of(mined));

        assertThat(pool.pending()).containsExactly(mined, waiting);
    }

    // ---- helpers -------------------------------------------------------------------------------

    private boolean admit(Mempool pool, Transaction tx) throws InterruptedException {
        return pool.admit(tx, chain.tipStateForReading(), chain.rules(), 0);
    }

    private void assertRefused(Transaction tx, String rule, String message) {
        Mempool pool = new Mempool(MempoolLimits.standard());
        assertThatThrownBy(() -> admit(pool, tx))
                .isInstanceOfSatisfying(TransactionRejectedException.class, e -> assertThat(e.rule()).isEqualTo(rule))
                .hasMessage(message);
        assertThat(pool.contains(tx.id())).isFalse();
    }

    private static MempoolLimits feeFreeShare(int transactions) {
        return new MempoolLimits(1_000, 64 * MempoolLimits.MIB, Mempool.DEFAULT_NONCE_WINDOW, transactions, MempoolLimits.MIB);
    }

    /** A patient anchoring an entry: a fee-free call, as the portal signs it. */
    private static Transaction anchor(PrivateKey patient, long nonce) {
        return Transaction.sign(TestChains.CHAIN_ID, patient, nonce,
                Anchors.anchor(patient.address(), "entry-" + nonce, 1, RecordCategory.DIAGNOSIS, CONTENT), 0);
    }

    /** A fee-free call padded to about 7 KiB, as a spammer would send it (no block would take it, but admission does not run the call). */
    private static Transaction padded(PrivateKey sender, long nonce) {
        List<Arg> args = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            args.add(new Arg.Bytes(new byte[Arg.MAX_BYTES]));
        }
        Transaction tx = Transaction.sign(TestChains.CHAIN_ID, sender, nonce, ContractCall.of(Audit.NAME, "access", args.toArray(Arg[]::new)), 0);
        assertThat(tx.size()).isBetween(7 * 1024, Transaction.MAX_SIZE);
        return tx;
    }
}

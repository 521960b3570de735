package org.careledger.contracts;

import java.util.Arrays;
import java.util.List;

import org.careledger.crypto.DevAccounts;
import org.careledger.crypto.PrivateKey;
import org.careledger.ledger.Block;
import org.careledger.ledger.BlockAssembler;
import org.careledger.ledger.BlockContext;
import org.careledger.ledger.Chain;
import org.careledger.ledger.ChainUpdate;
import org.careledger.ledger.ContractCall;
import org.careledger.ledger.Hash;
import org.careledger.ledger.TestChains;
import org.careledger.ledger.Transaction;
import org.careledger.ledger.TransactionRejectedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A test chain with helpers: sign zero-fee calls, mine them into real blocks, ask why one is refused. */
final class ConsentLedger {

    static final PrivateKey DOCTOR = DevAccounts.ganacheAccount(0);
    static final PrivateKey OTHER_DOCTOR = DevAccounts.ganacheAccount(1);
    static final PrivateKey STRANGER = DevAccounts.ganacheAccount(2); // funded, never registered
    static final PrivateKey PATIENT = DevAccounts.ganacheAccount(12); // registered, holds no tokens
    static final PrivateKey OTHER_PATIENT = DevAccounts.ganacheAccount(13);
    static final PrivateKey ADMIN = DevAccounts.ganacheAccount(14);
    static final long T0 = TestChains.GENESIS_TIME;
    static final long HOUR = 3_600_000;
    static final long DAY = 24 * HOUR;

    /** A chain whose first block, at {@code T0 + 1000}, registers the actors above. */
    static ConsentLedger withUsers() {
        return withUsers(TestChains.newChain());
    }

    /** As {@link #withUsers()}, on {@code chain}, which {@link TestChains#SEALER_A} may seal. */
    static ConsentLedger withUsers(Chain chain) {
        ConsentLedger ledger = new ConsentLedger(chain);
        PrivateKey sealer = TestChains.SEALER_A;
        ledger.mine(T0 + 1000,
                ledger.sign(sealer, Registry.register(ADMIN.address(), "ADMIN"), 0),
                ledger.sign(sealer, Registry.register(DOCTOR.address(), "DOCTOR"), 1),
                ledger.sign(sealer, Registry.register(OTHER_DOCTOR.address(), "DOCTOR"), 2),
                ledger.sign(sealer, Registry.register(PATIENT.address(), "PATIENT"), 3),
                ledger.sign(sealer, Registry.register(OTHER_PATIENT.address(), "PATIENT"), 4));
        return ledger;
    }

    static Hash hashOf(String text) {
        return Hash.sha256(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    final Chain chain;
    final List<Block> blocks = new java.util.ArrayList<>();

    ConsentLedger() {
        this(TestChains.newChain());
    }

    /** A ledger over {@code chain}, which {@link TestChains#SEALER_A} may seal. */
    ConsentLedger(Chain chain) {
        this.chain = chain;
    }

    /** Signs {@code call} with {@code key}'s next nonce at the tip, plus {@code ahead}, carrying no fee. */
    Transaction sign(PrivateKey key, ContractCall call, int ahead) {
        return signWithFee(key, call, ahead, 0);
    }

    /** As {@link #sign(PrivateKey, ContractCall, int)}, carrying {@code fee}. */
    Transaction signWithFee(PrivateKey key, ContractCall call, int ahead, long fee) {
        long nonce = chain.tipState().nextNonce(key.address()) + ahead;
        return Transaction.sign(TestChains.CHAIN_ID, key, nonce, call, fee);
    }

    Transaction sign(PrivateKey key, ContractCall call) {
        return sign(key, call, 0);
    }

    /** Mines the transactions into the next block at {@code time}; every one must be included. */
    Block mine(long time, Transaction... txs) {
        Block block = TestChains.mineNext(chain, TestChains.SEALER_A, Arrays.asList(txs), time);
        assertThat(block.transactions()).as("every transaction is included").hasSize(txs.length);
        assertThat(chain.add(block).kind()).isEqualTo(ChainUpdate.Kind.EXTENDED);
        blocks.add(block);
        return block;
    }

    /** The rule that refuses {@code tx} in a block at {@code time} on the tip, or null if it would be included. */
    String refusal(Transaction tx, long time) {
        TransactionRejectedException refused = refusalOf(tx, time);
        return refused == null ? null : refused.rule();
    }

    /** The refusal (rule and message) of {@code tx} in a block at {@code time} on the tip, or null if it would be included. */
    TransactionRejectedException refusalOf(Transaction tx, long time) {
        BlockAssembler.Template t = BlockAssembler.assemble(chain, List.of(tx), TestChains.SEALER_A.address(), time);
        return t.refused().isEmpty() ? null : t.refused().get(0).reason();
    }

    /**
     * The rule that refuses {@code tx} at {@code time} on the tip: the state refuses it without a
     * trace (its snapshot unchanged, the nonce and fee included), and the block assembler leaves it out.
     */
    String refusalLeavingStateUnchanged(Transaction tx, long time) {
        ContractState state = state().copy();
        byte[] before = state.snapshot();
        BlockContext block = new BlockContext(chain.height() + 1, time, TestChains.SEALER_A.address(), chain.genesis().parameters());
        TransactionRejectedException refused = catchThrowableOfType(TransactionRejectedException.class, () -> state.apply(tx, block));
        assertThat(refused).as("%s is refused", tx.call()).isNotNull();
        assertThat(state.snapshot()).as("the state after %s is refused", tx.call()).isEqualTo(before);
        assertThat(refusal(tx, time)).as("the assembler leaves it out").isEqualTo(refused.rule());
        return refused.rule();
    }

    ContractState state() {
        return (ContractState) chain.tipState();
    }

    long tipTime() {
        return chain.tip().timestamp();
    }
}

package org.careledger.node;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;

import org.careledger.contracts.ContractState;
import org.careledger.contracts.Registry;
import org.careledger.crypto.Address;
import org.careledger.crypto.PrivateKey;
import org.careledger.ledger.BlockContext;
import org.careledger.ledger.BlockRules;
import org.careledger.ledger.ContractCall;
import org.careledger.ledger.Mempool;
import org.careledger.ledger.Transaction;
import org.careledger.ledger.TransactionRejectedException;

/**
 * A dry run: calls applied, as the next transactions of one sender, to a private copy of the home
 * node's committed state, in a block that would be mined now. Nothing is submitted; the copy is
 * thrown away. It runs every rule a block would (signature, registered sender, nonce, fee, the
 * contract's own rules), so most refusals are known before a call is queued.
 *
 * <p>It starts after the sender's own waiting transactions. And before each call, for every party of
 * the call the chain does not know a role for yet (the sender itself, or the patient a request
 * names, when newly approved), it applies the waiting transactions of other senders that name that
 * party (its registration, its welcome tokens), each such sender's in nonce order: what a newcomer's
 * first calls depend on. A refusal that depends on what other senders do before the block is mined
 * (two admins reviewing one emergency at once) can still only show at block assembly.
 */
public final class Trial {

    private final long chainId;
    private final Address sender;
    private final ContractState state;
    private final BlockContext block;
    private final BlockRules rules;
    private final Mempool mempool;
    private final Set<Address> applied = new HashSet<>();
    private long nonce;

    Trial(long chainId, Address sender, ContractState state, BlockContext block, BlockRules rules, Mempool mempool) {
        this.chainId = chainId;
        this.sender = sender;
        this.state = state;
        this.block = block;
        this.rules = rules;
        this.mempool = mempool;
        applyWaitingOf(sender);
        this.nonce = state.nextNonce(sender);
    }

    /**
     * Runs {@code call} signed with {@code key} as the sender's next transaction, paying the
     * contract's minimum fee; later runs see its effects.
     *
     * @return the fee it paid
     * @throws TransactionRejectedException with the rule that refused it; the state is then as before
     */
    public long run(PrivateKey key, ContractCall call) {
        if (!key.address().equals(sender)) {
            throw new IllegalArgumentException("This trial runs calls of " + sender + ", not of " + key.address());
        }
        for (Address party : TransactionCommitted.partiesOf(sender, call)) {
            if (Registry.roleOf(state.view(), party).isEmpty()) {
                applyWaitingAbout(party);
            }
        }
        long fee = state.minimumFee(call);
        Transaction tx = Transaction.sign(chainId, key, nonce, call, fee);
        rules.admit(tx, state);
        state.apply(tx, block);
        nonce++;
        return fee;
    }

    /** As {@link #run}, but a refusal is ignored: for calls queued earlier, whose own refusal is reported elsewhere. */
    public void runIgnoringRefusal(PrivateKey key, ContractCall call) {
        try {
            run(key, call);
        } catch (TransactionRejectedException e) {
            // it will be refused when it is submitted; the calls after it are judged without it, as a block would
        }
    }

    /** Whether the chain, as this trial sees it, knows no role for {@code account} yet: a newcomer. */
    public boolean newcomer(Address account) {
        return Registry.roleOf(state.view(), account).isEmpty();
    }

    /** The sender, then every address among the call's arguments, each once: whom a call concerns. */
    public static java.util.List<Address> partiesOf(Address sender, ContractCall call) {
        return TransactionCommitted.partiesOf(sender, call);
    }

    /**
     * Applies a call that another signer has on its way to the ledger (queued in the portal, not yet
     * waiting in the pool), as that signer's next transaction; a refusal is ignored, as a block would
     * leave it out. For what a newcomer's call depends on: their registration, their welcome tokens.
     */
    public void applyOnItsWay(PrivateKey key, ContractCall call) {
        Address other = key.address();
        if (other.equals(sender)) {
            throw new IllegalArgumentException("The trial's own sender's calls are run, not applied as on their way");
        }
        applyWaitingOf(other);
        try {
            Transaction tx = Transaction.sign(chainId, key, state.nextNonce(other), call, state.minimumFee(call));
            rules.admit(tx, state);
            state.apply(tx, block);
        } catch (TransactionRejectedException e) {
            // it will be judged by its own block
        }
    }

    /** Applies the waiting transactions of every other sender that names {@code party}. */
    private void applyWaitingAbout(Address party) {
        Set<Address> others = new LinkedHashSet<>();
        for (Transaction tx : mempool.pending()) {
            if (!tx.senderAddress().equals(sender) && !applied.contains(tx.senderAddress())
                    && TransactionCommitted.partiesOf(tx.senderAddress(), tx.call()).contains(party)) {
                others.add(tx.senderAddress());
            }
        }
        others.forEach(this::applyWaitingOf);
    }

    private void applyWaitingOf(Address account) {
        if (!applied.add(account)) {
            return;
        }
        for (Transaction tx : new ArrayList<>(mempool.pendingOf(account))) {
            try {
                rules.admit(tx, state);
                state.apply(tx, block);
            } catch (TransactionRejectedException e) {
                // refused when its block is assembled; the trial goes on without it, as that block would
            }
        }
    }
}

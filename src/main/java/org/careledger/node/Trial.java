package org.careledger.node;

import org.careledger.crypto.Address;
import org.careledger.crypto.PrivateKey;
import org.careledger.ledger.BlockContext;
import org.careledger.ledger.BlockRules;
import org.careledger.ledger.ContractCall;
import org.careledger.ledger.Transaction;
import org.careledger.ledger.TransactionRejectedException;
import org.careledger.ledger.WorldState;

/**
 * A dry run: calls applied, as the next transactions of one sender, to a private copy of the home
 * node's committed state after that sender's waiting transactions, in a block that would be mined
 * now. Nothing is submitted; the copy is thrown away. It runs every rule a block would (signature,
 * registered sender, nonce, fee, the contract's own rules), so most refusals are known before a
 * call is queued. A refusal that depends on what other senders do before the block is mined (two
 * pharmacists dispensing one prescription) can still only show at block assembly.
 */
public final class Trial {

    private final long chainId;
    private final Address sender;
    private final WorldState state;
    private final BlockContext block;
    private final BlockRules rules;
    private long nonce;

    Trial(long chainId, Address sender, WorldState state, BlockContext block, BlockRules rules, long nonce) {
        this.chainId = chainId;
        this.sender = sender;
        this.state = state;
        this.block = block;
        this.rules = rules;
        this.nonce = nonce;
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
}

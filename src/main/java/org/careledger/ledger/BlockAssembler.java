package org.careledger.ledger;

import java.util.ArrayList;
import java.util.List;

import org.careledger.crypto.Address;

/**
 * Builds the next block's template on a node's main chain: applies candidate transactions in order
 * to a copy of the tip state, keeps those that pass and sets aside those that do not (with the
 * reason), then fills in the Merkle root, the state root and the expected difficulty. The miner then
 * searches the nonce.
 */
public final class BlockAssembler {

    /** A transaction left out of the block, and why. */
    public record Refused(Transaction transaction, TransactionRejectedException reason) {

        /**
         * Whether waiting cannot make it valid: anything but a nonce ahead of the sender's next one
         * (the gap may close when the missing transaction arrives or a competing block is undone).
         * A nonce already used is dropped by the mempool's own clean-up of stale nonces.
         */
        public boolean permanent() {
            return !"nonce".equals(reason.rule());
        }
    }

    /**
     * A block to mine: its header (nonce 0), transactions, what was left out, and the state after the
     * transactions ({@code after}), which the node's own validation of the sealed block reuses instead of
     * applying every transaction a second time (see {@link Chain#prepareAssembled}).
     */
    public record Template(BlockHeader header, List<Transaction> transactions, List<Refused> refused, WorldState after) {
    }

    private BlockAssembler() {
    }

    public static Template assemble(Chain chain, List<Transaction> candidates, Address sealer, long timestamp) {
        Chain.Tip tip = chain.tipWithState();
        BlockHeader parent = tip.header();
        WorldState state = tip.state();
        long time = Math.max(timestamp, parent.timestamp());
        BlockContext context = new BlockContext(parent.height() + 1, time, sealer, chain.genesis().parameters());
        int max = chain.genesis().parameters().maxBlockTransactions();
        List<Transaction> included = new ArrayList<>();
        List<Refused> refused = new ArrayList<>();
        for (Transaction tx : candidates) {
            if (included.size() == max) {
                break;
            }
            try {
                chain.rules().admit(tx, state);
                state.apply(tx, context);
                included.add(tx);
            } catch (TransactionRejectedException e) {
                refused.add(new Refused(tx, e));
            }
        }
        BlockHeader header = new BlockHeader(BlockHeader.VERSION, parent.height() + 1, parent.hash(),
                MerkleTree.rootOf(included.stream().map(Transaction::id).toList()), state.root(), time,
                chain.nextDifficulty(), sealer, 0);
        return new Template(header, included, refused, state);
    }
}

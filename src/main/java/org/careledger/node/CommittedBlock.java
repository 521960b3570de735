package org.careledger.node;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.careledger.ledger.Block;
import org.careledger.ledger.BlockHeader;
import org.careledger.ledger.Transaction;

/**
 * A block of the home node's main chain as the ledger's events announce it: the block itself and
 * each of its transactions, in order. {@link LedgerService#committedAfter} reads these back from
 * the chain for a read model that missed the events (one that is new, or catching up after a start).
 */
public record CommittedBlock(BlockMined block, List<TransactionCommitted> transactions) {

    public CommittedBlock {
        transactions = List.copyOf(transactions);
    }

    /** How a block of the main chain is announced: each transaction, then the block. */
    static CommittedBlock of(Block block) {
        BlockHeader h = block.header();
        List<TransactionCommitted> txs = new ArrayList<>();
        for (Transaction tx : block.transactions()) {
            txs.add(new TransactionCommitted(tx.id(), h.height(), h.hash(), tx.senderAddress(), tx.call(), tx.fee(),
                    TransactionCommitted.partiesOf(tx.senderAddress(), tx.call())));
        }
        return new CommittedBlock(new BlockMined(h.height(), h.hash(), Instant.ofEpochMilli(h.timestamp()), txs.size(), h.sealer()),
                txs);
    }
}

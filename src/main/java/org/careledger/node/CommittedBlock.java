package org.careledger.node;

import java.util.List;

/**
 * A block of the home node's main chain as the ledger's events announce it: the block itself and
 * each of its transactions, in order. {@link LedgerService#committedAfter} reads these back from
 * the chain for a read model that missed the events (one that is new, or catching up after a start).
 */
public record CommittedBlock(BlockMined block, List<TransactionCommitted> transactions) {

    public CommittedBlock {
        transactions = List.copyOf(transactions);
    }
}

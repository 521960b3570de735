package org.careledger.explorer;

import java.util.List;

import org.careledger.node.ChainSummary;

/**
 * The explorer's front page: the chain's counters and averages, the latest blocks and the latest
 * transactions the viewer may see ({@code onlyYours}: a patient's own).
 */
public record ExplorerOverview(ChainSummary chain, List<BlockRow> latestBlocks, List<TxRow> latestTransactions, boolean onlyYours) {
}

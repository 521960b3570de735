package org.careledger.node;

import java.time.Duration;
import java.time.Instant;

import org.careledger.ledger.Hash;

/**
 * The home node's main chain at a glance, for the explorer's overview: read from the chain's own
 * counters and the last {@code sampledBlocks} headers, never by walking the chain.
 *
 * @param height               the tip's height
 * @param tipHash              the tip's hash
 * @param tipTime              the tip's timestamp
 * @param transactions         transactions in the main chain's blocks
 * @param pendingTransactions  transactions waiting for a block
 * @param pendingBytes         their encoded bytes
 * @param averageBlockTime     mean time between consecutive blocks over the sample; zero with fewer than two blocks
 * @param averageDifficulty    mean difficulty over the sample (genesis excluded); 0 before the first block
 * @param nextDifficulty       the difficulty the next block must meet
 * @param targetBlockTime      the genesis's target time between blocks
 * @param sampledBlocks        how many blocks the averages cover (at most {@link LedgerService#SAMPLE_BLOCKS})
 */
public record ChainSummary(long height, Hash tipHash, Instant tipTime, long transactions, int pendingTransactions,
                           long pendingBytes, Duration averageBlockTime, double averageDifficulty, long nextDifficulty,
                           Duration targetBlockTime, int sampledBlocks) {
}

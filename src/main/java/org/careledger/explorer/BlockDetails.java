package org.careledger.explorer;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.careledger.ledger.Hash;

/**
 * A block's page: every header field, its sealer and node, the time it took after its parent, its
 * encoded size, and its transactions as the viewer may see them.
 *
 * @param miningTime     time since the parent block; null for genesis
 * @param sizeBytes      the encoded block's size; the header's alone for genesis
 * @param transactionCount every transaction in the block
 * @param transactions   those shown (a patient sees only their own; at most {@link ChainExplorer#MAX_BLOCK_TRANSACTIONS})
 * @param onlyYours      whether the list was limited to the viewer's own transactions
 */
public record BlockDetails(long height, Hash hash, Hash previousHash, Hash merkleRoot, Hash stateRoot, Instant time, long difficulty,
                           long nonce, AddressLabel sealer, String sealerNode, Duration miningTime, int sizeBytes, int transactionCount,
                           List<TxRow> transactions, boolean onlyYours, boolean genesis) {
}

package org.careledger.node;

import java.util.Optional;

import org.careledger.ledger.Hash;

/**
 * What re-validating one node's block store from genesis found: the same checks as {@code ledger
 * verify} (every record's checksum, every block's rules, the node's signed checkpoint).
 *
 * @param node           the node's name
 * @param valid          whether every stored block is intact and valid
 * @param height         the height of the chain rebuilt before any problem
 * @param transactions   transactions on that chain
 * @param tip            its tip hash
 * @param badHeight      the first bad height, -1 if valid or unknown
 * @param rule           the rule the bad block or record broke ({@code storeChecksum}, {@code merkleRoot} ...), null if valid
 * @param explanation    why, for a person; null if valid
 * @param note           something worth knowing that does not make the store invalid (a torn tail, an unusable checkpoint), or null
 */
public record StoreAuditResult(String node, boolean valid, long height, long transactions, Hash tip, long badHeight, String rule,
                               String explanation, String note) {

    public Optional<String> noteText() {
        return Optional.ofNullable(note);
    }
}

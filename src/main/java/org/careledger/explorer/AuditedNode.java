package org.careledger.explorer;

import java.util.Optional;

import org.careledger.node.StoreAuditResult;

/**
 * What an integrity audit found in one node's block store.
 *
 * @param node         the node's name
 * @param valid        whether every stored block is intact and valid
 * @param height       the height of the chain rebuilt before any problem
 * @param transactions transactions on that chain
 * @param badHeight    the first bad height, -1 if valid
 * @param rule         the rule the first bad block or record broke ({@code storeChecksum}, {@code merkleRoot} ...), null if valid
 * @param explanation  why, for a person; null if valid
 * @param note         worth knowing without making the store invalid (a torn tail, an unusable checkpoint), or null
 */
public record AuditedNode(String node, boolean valid, long height, long transactions, long badHeight, String rule,
                          String explanation, String note) {

    static AuditedNode of(StoreAuditResult r) {
        return new AuditedNode(r.node(), r.valid(), r.height(), r.transactions(), r.valid() ? -1 : r.badHeight(), r.rule(),
                r.explanation(), r.note());
    }

    public Optional<String> noteText() {
        return Optional.ofNullable(note);
    }

    /** "valid up to height 120 (340 transactions)" or "invalid at height 12: storeChecksum: ...". */
    public String summary() {
        if (valid) {
            return "valid up to height " + height + " (" + transactions + " transactions)";
        }
        return "invalid at height " + badHeight + ", rule " + rule + (explanation == null ? "" : ": " + explanation);
    }
}

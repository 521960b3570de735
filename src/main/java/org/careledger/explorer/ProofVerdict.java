package org.careledger.explorer;

import java.util.Map;

import org.careledger.ledger.Hash;

/**
 * What checking a proof bundle found, as {@code ledger proof verify} says it: valid with its block and
 * subject, or invalid with the first rule broken and why.
 */
public record ProofVerdict(boolean valid, String rule, String explanation, Long height, Hash block, Map<String, Object> subject) {

    /** "Valid: block 12 (abcd…), subject {…}" or "Invalid (rule merkleProof): …". */
    public String summary() {
        return valid ? "Valid: the transaction is in block " + height + " (" + block.hex() + ") of this chain; subject " + subject
                : "Invalid (rule " + rule + "): " + explanation;
    }
}

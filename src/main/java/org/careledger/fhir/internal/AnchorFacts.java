package org.careledger.fhir.internal;

/**
 * Where an entry (or an audited read) stands on the ledger, for a receiver to check against the proof.
 *
 * @param blockHeight the height of the block holding the transaction
 * @param entryHash   the entry's salted hash as anchored; null for a transaction that anchors no entry
 * @param proofJson   the proof bundle that {@code ledger proof verify} checks; null when none is included
 */
public record AnchorFacts(long chainId, long blockHeight, String blockHash, String transactionId, String entryHash, String proofJson) {
}

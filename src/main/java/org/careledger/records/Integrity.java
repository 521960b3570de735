package org.careledger.records;

/** What a read found when it checked an entry against its on-chain anchor. */
public enum Integrity {
    /** Decrypted, re-hashed and equal to the anchored salted hash. */
    VERIFIED,
    /** The content or the stored hash does not match the anchor: never to be shown as valid. */
    MISMATCH,
    /** Approved, its anchor submitted but not yet in a block. */
    AWAITING_ANCHOR,
    /** Not part of the record (pending or rejected), so not anchored. */
    NOT_ANCHORED,
    /** Anchored on chain, but the portal has no content for it (lost in a crash). */
    PAYLOAD_MISSING,
    /** Crypto-erased at the patient's request. */
    ERASED
}

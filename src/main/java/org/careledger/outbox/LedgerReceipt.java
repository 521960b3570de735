package org.careledger.outbox;

import org.careledger.ledger.Hash;

/**
 * Where a call the portal queued stands: queued (written, not yet accepted by the ledger), pending
 * (signed and waiting to be mined: {@code txId} is its transaction), committed in block
 * {@code blockHeight}, or refused for good, {@code error} saying why in plain words.
 */
public record LedgerReceipt(Hash txId, Status status, Long blockHeight, String error) {

    public enum Status {
        QUEUED,
        PENDING,
        COMMITTED,
        REFUSED
    }

    /** For a person: "queued", "pending", "committed in block 12", "refused: ...". */
    public String describe() {
        return switch (status) {
            case QUEUED -> "queued";
            case PENDING -> "pending";
            case COMMITTED -> "committed in block " + blockHeight;
            case REFUSED -> "refused: " + error;
        };
    }

    /** Whether the call may still be mined (queued or pending). */
    public boolean inFlight() {
        return status == Status.QUEUED || status == Status.PENDING;
    }
}

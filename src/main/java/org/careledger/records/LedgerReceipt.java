package org.careledger.records;

/**
 * Where a transaction the portal submitted stands: queued (written, not yet accepted by the ledger),
 * pending (waiting to be mined), committed in block {@code blockHeight}, or failed with a reason.
 */
public record LedgerReceipt(String txId, Status status, Long blockHeight, String error) {

    public enum Status {
        QUEUED,
        PENDING,
        COMMITTED,
        FAILED
    }

    /** For a person: "pending", "committed in block 12", "failed: ...". */
    public String describe() {
        return switch (status) {
            case QUEUED -> "queued";
            case PENDING -> "pending";
            case COMMITTED -> "committed in block " + blockHeight;
            case FAILED -> "failed: " + error;
        };
    }
}

package org.careledger.contracts;

/**
 * Where a prescription stands as of some time. ISSUED, PARTIALLY_DISPENSED, COMPLETED and CANCELLED
 * are stored (by ordinal: new states are only appended); EXPIRED is derived from the time asked
 * about ({@link PrescriptionQueries#statusAt}) and never stored.
 */
public enum PrescriptionStatus {
    ISSUED,
    PARTIALLY_DISPENSED,
    COMPLETED,
    CANCELLED,
    EXPIRED;

    /** A stored state; EXPIRED never is. */
    static PrescriptionStatus stored(int ordinal) {
        if (ordinal < 0 || ordinal >= EXPIRED.ordinal()) {
            throw new IllegalArgumentException("No stored prescription state number " + ordinal);
        }
        return values()[ordinal];
    }
}

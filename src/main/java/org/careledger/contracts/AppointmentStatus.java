package org.careledger.contracts;

/**
 * Where an appointment stands. BOOKED and CONFIRMED hold the patient's fee in escrow and keep the
 * slot; every other state is final and holds nothing: CANCELLED (by the patient before the cut-off)
 * and DECLINED (by the doctor) refunded the fee, LATE_CANCELLED, COMPLETED and NO_SHOW paid it to
 * the doctor. Stored by ordinal: new states are only appended.
 */
public enum AppointmentStatus {
    BOOKED,
    CONFIRMED,
    CANCELLED,
    LATE_CANCELLED,
    DECLINED,
    COMPLETED,
    NO_SHOW;

    /** Whether the appointment still holds its slot and its fee. */
    public boolean active() {
        return this == BOOKED || this == CONFIRMED;
    }

    /** Whether its fee went to the doctor. */
    public boolean paidToDoctor() {
        return this == LATE_CANCELLED || this == COMPLETED || this == NO_SHOW;
    }

    /** Whether its fee went back to the patient. */
    public boolean refunded() {
        return this == CANCELLED || this == DECLINED;
    }

    static AppointmentStatus ofOrdinal(int ordinal) {
        if (ordinal < 0 || ordinal >= values().length) {
            throw new IllegalArgumentException("No appointment state number " + ordinal);
        }
        return values()[ordinal];
    }
}

package org.careledger.appointments;

/** Where an appointment stands, as the portal shows it: the contract's states, and a booking on its way or refused. */
public enum AppointmentState {
    ON_ITS_WAY("Booking on its way to the ledger", true),
    BOOKED("Booked, awaiting the doctor's confirmation", true),
    CONFIRMED("Confirmed", true),
    CANCELLED("Cancelled, fee refunded", false),
    LATE_CANCELLED("Cancelled late, fee paid to the doctor", false),
    DECLINED("Declined by the doctor, fee refunded", false),
    COMPLETED("Completed, fee paid", false),
    NO_SHOW("Missed, fee paid to the doctor", false),
    REFUSED("Not booked", false);

    private final String label;
    private final boolean upcoming;

    AppointmentState(String label, boolean upcoming) {
        this.label = label;
        this.upcoming = upcoming;
    }

    public String label() {
        return label;
    }

    /** Whether the appointment still holds its slot (on its way, booked or confirmed). */
    public boolean holdsSlot() {
        return upcoming;
    }
}

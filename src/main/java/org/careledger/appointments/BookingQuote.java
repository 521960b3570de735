package org.careledger.appointments;

import java.time.Instant;

/**
 * What booking a slot would cost and the rule the patient agrees to, shown before they confirm: the
 * fee and their spendable balance (base units), and until when cancelling is free.
 */
public record BookingQuote(DoctorCard doctor, Slot slot, long fee, long spendable, Instant freeCancellationUntil) {

    public boolean affordable() {
        return spendable >= fee;
    }
}

package org.careledger.contracts;

import org.careledger.crypto.Address;
import org.careledger.ledger.Arg;
import org.careledger.ledger.ContractCall;
import org.careledger.ledger.Hash;

/**
 * Builds the calls of the {@link Appointments} contract for the portal. An appointment's id is the id
 * of the transaction that books it; times are epoch milliseconds; fees base units.
 */
public final class AppointmentCalls {

    private AppointmentCalls() {
    }

    /**
     * The patient books {@code doctor}'s slot [{@code start}, {@code end}) for the {@code fee} they
     * confirmed; {@code reasonHash} is the salted hash of the reason for the visit, or null for none.
     */
    public static ContractCall book(Address doctor, long start, long end, long fee, Hash reasonHash) {
        return ContractCall.of(Appointments.NAME, "book", Arg.of(doctor), Arg.of(start), Arg.of(end), Arg.of(fee),
                Arg.of(reasonHash == null ? Hash.ZERO : reasonHash));
    }

    public static ContractCall confirm(Hash appointmentId) {
        return ContractCall.of(Appointments.NAME, "confirm", Arg.of(appointmentId));
    }

    /** The doctor declines; {@code reasonHash} is the salted hash of the reason, or null. The fee goes back in full. */
    public static ContractCall decline(Hash appointmentId, Hash reasonHash) {
        return ContractCall.of(Appointments.NAME, "decline", Arg.of(appointmentId), Arg.of(reasonHash == null ? Hash.ZERO : reasonHash));
    }

    public static ContractCall cancel(Hash appointmentId) {
        return ContractCall.of(Appointments.NAME, "cancel", Arg.of(appointmentId));
    }

    public static ContractCall complete(Hash appointmentId) {
        return ContractCall.of(Appointments.NAME, "complete", Arg.of(appointmentId));
    }

    public static ContractCall noShow(Hash appointmentId) {
        return ContractCall.of(Appointments.NAME, "noShow", Arg.of(appointmentId));
    }

    /** A doctor sets their own consultation fee. */
    public static ContractCall setFee(long fee) {
        return ContractCall.of(Appointments.NAME, "setFee", Arg.of(fee));
    }

    /** A doctor drops their own fee and charges their provider's default. */
    public static ContractCall useDefaultFee() {
        return ContractCall.of(Appointments.NAME, "useDefaultFee");
    }

    /** A hospital's account sets its doctors' default fee and the patients' free cancellation cut-off (at most 7 days). */
    public static ContractCall setTerms(long defaultFee, long cutoffMillis) {
        return ContractCall.of(Appointments.NAME, "setTerms", Arg.of(defaultFee), Arg.of(cutoffMillis));
    }
}

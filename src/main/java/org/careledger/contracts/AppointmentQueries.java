package org.careledger.contracts;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.careledger.crypto.Address;
import org.careledger.ledger.Hash;

/**
 * Read-only queries over a committed state for the portal: an appointment, a patient's and a
 * doctor's (each one prefix scan, by start), the fee a doctor charges now and a provider's terms.
 */
public final class AppointmentQueries {

    private AppointmentQueries() {
    }

    /** A provider's booking terms as the contract applies them (defaults where it set none). */
    public record Terms(OptionalLong defaultFee, long cutoffMillis) {
    }

    public static Optional<Appointment> appointment(ContractState state, Hash id) {
        return AppointmentStore.find(state.view(), id);
    }

    public static List<Appointment> byPatient(ContractState state, Address patient) {
        return AppointmentStore.list(state.view(), AppointmentStore.patientPrefix(patient));
    }

    public static List<Appointment> byDoctor(ContractState state, Address doctor) {
        return AppointmentStore.list(state.view(), AppointmentStore.doctorPrefix(doctor));
    }

    /** The doctor's appointments starting in [{@code from}, {@code to}), by start. */
    public static List<Appointment> byDoctor(ContractState state, Address doctor, long from, long to) {
        return byDoctor(state, doctor).stream().filter(a -> a.start() >= from && a.start() < to).toList();
    }

    /** The fee a booking with the doctor must carry now: their own, else their provider's default; empty if none. */
    public static OptionalLong feeOf(ContractState state, Address doctor) {
        return Appointments.feeOf(state.view(), doctor);
    }

    /** The doctor's own fee, if they set one. */
    public static OptionalLong ownFeeOf(ContractState state, Address doctor) {
        return AppointmentStore.ownFee(state.view(), doctor);
    }

    public static Terms termsOf(ContractState state, Address provider) {
        return AppointmentStore.terms(state.view(), provider)
                .map(t -> new Terms(OptionalLong.of(t.defaultFee()), t.cutoffMillis()))
                .orElse(new Terms(OptionalLong.empty(), Appointments.DEFAULT_CUTOFF_MILLIS));
    }

    /** Every token the appointments contract holds in escrow. */
    public static long escrowed(ContractState state) {
        return Tokens.escrowedBy(state, Appointments.NAME);
    }
}

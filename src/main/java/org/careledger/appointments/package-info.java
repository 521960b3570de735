/**
 * Appointments booked and paid in tokens. Doctors publish weekly hours and one-off changes in their
 * provider's time zone and set a fee ({@link org.careledger.appointments.DoctorAppointments}, which
 * is also their day and week); patients find a doctor, see the free slots in their own time zone,
 * book one with the fee held in escrow and cancel while allowed
 * ({@link org.careledger.appointments.AppointmentBooking}); admins see a provider's day and set its
 * default fee, cancellation cut-off and time zone
 * ({@link org.careledger.appointments.AppointmentAdministration}). The money rules are the
 * {@code appointments} contract's in {@code contracts}; the reason for a visit is sealed in the
 * patient's vault, only its salted hash on chain.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Appointments", allowedDependencies = {"common", "contracts", "crypto",
        "identity", "ledger", "node", "outbox", "provider", "records", "registry", "wallet"})
package org.careledger.appointments;

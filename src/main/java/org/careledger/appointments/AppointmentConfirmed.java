package org.careledger.appointments;

import java.time.Instant;

import org.careledger.identity.UserId;

/** The doctor confirmed a booking: the patient is told. Times are instants; pages show them in each reader's zone. */
public record AppointmentConfirmed(String appointmentId, UserId patient, UserId doctor, String doctorName, String patientName, Instant start,
                    long fee, long blockHeight) {
}

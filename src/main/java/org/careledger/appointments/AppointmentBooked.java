package org.careledger.appointments;

import java.time.Instant;

import org.careledger.identity.UserId;

/** A booking is on the ledger: the doctor is told. Times are instants; pages show them in each reader's zone. */
public record AppointmentBooked(String appointmentId, UserId patient, UserId doctor, String doctorName, String patientName, Instant start,
                    long fee, long blockHeight) {
}

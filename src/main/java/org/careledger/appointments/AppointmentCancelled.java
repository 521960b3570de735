package org.careledger.appointments;

import java.time.Instant;

import org.careledger.identity.UserId;

/** The patient cancelled; {@code late} if after the cut-off, when the fee went to the doctor. Times are instants; pages show them in each reader's zone. */
public record AppointmentCancelled(String appointmentId, UserId patient, UserId doctor, String doctorName, String patientName, Instant start,
                    long fee, long blockHeight, boolean late) {
}

package org.careledger.appointments;

import java.time.Instant;

import org.careledger.identity.UserId;

/** The doctor declined (or took the day off): the fee went back to the patient. Times are instants; pages show them in each reader's zone. */
public record AppointmentDeclined(String appointmentId, UserId patient, UserId doctor, String doctorName, String patientName, Instant start,
                    long fee, long blockHeight, String reason, boolean dayOff) {
}

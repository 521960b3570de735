package org.careledger.appointments;

import java.time.Instant;

import org.careledger.identity.UserId;

/** The doctor marked an appointment completed, or missed ({@code noShow}): the fee went to the doctor. Times are instants; pages show them in each reader's zone. */
public record AppointmentClosed(String appointmentId, UserId patient, UserId doctor, String doctorName, String patientName, Instant start,
                    long fee, long blockHeight, boolean noShow) {
}

package org.careledger.appointments;

import java.time.Instant;

import org.careledger.identity.UserId;

/** An appointment starts within a day: the patient is reminded. Times are instants; pages show them in each reader's zone. */
public record AppointmentDue(String appointmentId, UserId patient, UserId doctor, String doctorName, String patientName, Instant start,
                    long fee, long blockHeight) {
}

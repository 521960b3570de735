package org.careledger.pharmacy;

import org.careledger.identity.UserId;

/** A patient sent a prescription to a pharmacy, whose pharmacists may now open and dispense it. */
public record PrescriptionSent(String prescriptionId, UserId patient, long pharmacyId, String medicineName) {
}

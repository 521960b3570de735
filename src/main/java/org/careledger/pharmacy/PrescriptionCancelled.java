package org.careledger.pharmacy;

import org.careledger.identity.UserId;

/** Its prescriber cancelled a prescription (the cancellation is on the ledger). */
public record PrescriptionCancelled(String prescriptionId, UserId patient, UserId prescriber, String medicineName, long blockHeight) {
}

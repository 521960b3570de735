package org.careledger.pharmacy;

import org.careledger.identity.UserId;

/** A prescription is on the ledger (its issuing transaction was mined). */
public record PrescriptionIssued(String prescriptionId, UserId patient, UserId prescriber, String medicineName, long blockHeight) {
}

package org.careledger.pharmacy;

import org.careledger.identity.UserId;
import org.careledger.ledger.Hash;

/**
 * A fill of a prescription is on the ledger, and with it the invoice it raised (the dispensing's
 * id), which the patient pays from their wallet.
 */
public record PrescriptionDispensed(String prescriptionId, UserId patient, long pharmacyId, String pharmacyName, String medicineName,
                                    long quantity, Hash invoiceId, long total, long blockHeight) {
}

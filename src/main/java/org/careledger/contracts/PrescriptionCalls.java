package org.careledger.contracts;

import org.careledger.crypto.Address;
import org.careledger.ledger.Arg;
import org.careledger.ledger.ContractCall;
import org.careledger.ledger.Hash;

/**
 * Builds the calls of the {@link Prescriptions} contract for the portal. A prescription's id is the
 * id of the transaction that issues it, a dispensing's (and its invoice's) that of the transaction
 * that dispenses it. Secrets are 32 random bytes the patient's QR carries; only their SHA-256 goes
 * on chain until a fill presents one.
 */
public final class PrescriptionCalls {

    private PrescriptionCalls() {
    }

    /**
     * A doctor prescribes {@code quantity} of medicine {@code medicineCode} (an RxNorm code) per fill,
     * with 0 to 5 {@code refills}, valid for {@code validityMillis} (1 to 366 days) from its block;
     * {@code contentHash} is the hash of the sealed content, {@code secretHash} SHA-256 of the first
     * QR secret.
     */
    public static ContractCall issue(Address patient, String medicineCode, long quantity, long refills, long validityMillis,
                                     Hash contentHash, Hash secretHash) {
        return ContractCall.of(Prescriptions.NAME, "issue", Arg.of(patient), Arg.of(medicineCode), Arg.of(quantity),
                Arg.of(refills), Arg.of(validityMillis), Arg.of(contentHash), Arg.of(secretHash));
    }

    /**
     * A pharmacist dispenses {@code quantity} for {@code pharmacy} at {@code unitPrice} base units,
     * presenting the QR's {@code secret} and setting {@code nextSecretHash} for the next fill;
     * {@code packHash} is the hash of the pack's batch number and expiry date.
     */
    public static ContractCall dispense(Hash prescriptionId, long quantity, Hash secret, Hash nextSecretHash, Address pharmacy,
                                        long unitPrice, Hash packHash) {
        return ContractCall.of(Prescriptions.NAME, "dispense", Arg.of(prescriptionId), Arg.of(quantity), Arg.of(secret),
                Arg.of(nextSecretHash), Arg.of(pharmacy), Arg.of(unitPrice), Arg.of(packHash));
    }

    /** The prescriber cancels a prescription not yet completed; {@code reasonHash} is the salted hash of the reason. */
    public static ContractCall cancel(Hash prescriptionId, Hash reasonHash) {
        return ContractCall.of(Prescriptions.NAME, "cancel", Arg.of(prescriptionId), Arg.of(reasonHash));
    }

    /** The pharmacy account reverses its dispensing within 24 hours: its invoice is cancelled, or refunded if paid. */
    public static ContractCall reverse(Hash dispensingId) {
        return ContractCall.of(Prescriptions.NAME, "reverse", Arg.of(dispensingId));
    }
}

package org.careledger.pharmacy;

import java.time.Instant;
import java.util.List;

import org.careledger.crypto.Address;
import org.careledger.ledger.Hash;

/**
 * A prescription as one of its readers sees it. {@code details} (the clinical content) is null for
 * a reader who may not see it, or in a list that does not show it.
 *
 * @param id           the portal's id
 * @param chainId      the prescription's id on chain (its issuing transaction); null until mined
 * @param issuedBlock  the block that issued it; null until mined
 * @param expiresAt    from when it may no longer be dispensed (block time); null until mined
 * @param remaining    what may still be dispensed, over every fill
 * @param sentTo       the pharmacies the patient sent it to, by name
 * @param refused      why the ledger refused it; null otherwise
 */
public record PrescriptionView(String id, Hash chainId, String medicineCode, String medicineName, String patientName,
                               Address patientAddress, String prescriberName, RxState state, Instant writtenAt, Long issuedBlock,
                               Instant expiresAt, long quantity, int refills, long totalAllowed, long dispensed, long remaining,
                               PrescriptionDetails details, List<FillView> fills, List<String> sentTo, String refused,
                               String cancelReason) {

    /** The first 8 characters of its id (a UUID's first group), for the page's stable element ids. */
    public String shortId() {
        return id.substring(0, 8);
    }
}

package org.careledger.records;

import java.time.Instant;
import java.util.Set;

import org.careledger.contracts.Purpose;
import org.careledger.contracts.RecordCategory;
import org.careledger.outbox.LedgerReceipt;

/**
 * A grant as its patient or its doctor sees it. The patient's name is only filled in for the doctor
 * while the grant is in force.
 *
 * @param revocation where a revocation stands, if the patient revoked it
 */
public record GrantView(GrantId grantId, Party patient, Party doctor, Purpose purpose, Set<RecordCategory> categories,
                        Instant start, Instant end, boolean active, LedgerReceipt revocation) {

    /** Whether a revocation was asked for and is not yet in a block: the grant already allows nothing. */
    public boolean revocationInFlight() {
        return revocation != null && revocation.inFlight();
    }
}

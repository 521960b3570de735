package org.careledger.records;

import java.time.Instant;

import org.careledger.contracts.AccessBasis;
import org.careledger.contracts.Purpose;
import org.careledger.contracts.RecordCategory;
import org.careledger.ledger.Hash;

/**
 * One read of a patient's entry by someone else, as recorded on the ledger.
 *
 * @param entryName the entry's one-line summary as its patient sees it (or why there is none)
 * @param basisKind "Grant", "Emergency" or "Prescription" (a pharmacist's read of a prescription shown to them)
 * @param purpose   the grant's purpose; null for an emergency or a prescription
 * @param recordedAt the time of the block that recorded it
 */
public record AccessEventView(Instant readAt, Party reader, EntryId entryId, String entryName, RecordCategory category, String basisKind,
                              Hash basisId, Purpose purpose, Instant recordedAt, Hash txId) {

    /** What allowed a read, as {@code basisKind} says it. */
    static String basisLabel(AccessBasis.Kind kind) {
        return switch (kind) {
            case GRANT -> "Grant";
            case EMERGENCY -> "Emergency";
            case PRESCRIPTION -> "Prescription";
        };
    }
}

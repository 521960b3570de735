package org.careledger.records;

import java.time.Instant;
import java.time.LocalDate;

import org.careledger.contracts.RecordCategory;
import org.careledger.crypto.Address;
import org.careledger.ledger.Hash;

/**
 * An entry as its reader may see it. {@code content} is null when the reader may not see it, or
 * when it is erased or missing; {@code integrity} says what the check against the anchor found.
 *
 * @param author             the author's full name; null for an imported entry (and one the portal does not hold)
 * @param importedFrom       where an imported entry came from ("Synthea"); null for one written here
 * @param clinicalDate       when it happened: a diagnosis's onset, a medicine's start, the day it was written
 * @param createdAt          when it was stored here (written, or imported)
 * @param rejectionComment   the patient's comment on a rejected entry (shown to its author)
 * @param anchorTxId         the anchoring transaction, once approved
 * @param anchorBlock        the height of the block holding the anchor, once mined
 * @param erasureRequestable whether its patient may ask for it to be erased now (the service's own rule)
 */
public record RecordEntryView(EntryId entryId, Address patientAddress, RecordCategory category, long version,
                              EntryStatus status, Integrity integrity, EntryContent content, String author,
                              String authorRole, String importedFrom, boolean selfReported, LocalDate clinicalDate,
                              Instant createdAt, Instant decidedAt,
                              String rejectionComment, Hash anchorTxId, Long anchorBlock,
                              Instant erasureRequestedAt, Instant erasedAt, boolean erasureRequestable) {

    /**
     * Whether a proof of its anchor can be asked for: an entry of the record that this portal stores
     * (an anchor whose entry the portal does not hold has neither author nor source here). The proof is empty until
     * the anchor is mined.
     */
    public boolean provable() {
        return status == EntryStatus.APPROVED && (author != null || importedFrom != null);
    }

    /** Whether it came into the record from elsewhere rather than being written here. */
    public boolean imported() {
        return importedFrom != null;
    }
}

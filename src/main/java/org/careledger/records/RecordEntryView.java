package org.careledger.records;

import java.time.Instant;

import org.careledger.contracts.RecordCategory;

/**
 * An entry as its reader may see it. {@code content} is null when the reader may not see it, or
 * when it is erased or missing; {@code integrity} says what the check against the anchor found.
 *
 * @param author            the author's full name
 * @param rejectionComment  the patient's comment on a rejected entry (shown to its author)
 * @param anchorTxId        the anchoring transaction, once approved
 * @param anchorBlock       the height of the block holding the anchor, once mined
 */
public record RecordEntryView(String entryId, String patientAddress, RecordCategory category, long version,
                              EntryStatus status, Integrity integrity, EntryContent content, String author,
                              String authorRole, boolean selfReported, Instant createdAt, Instant decidedAt,
                              String rejectionComment, String anchorTxId, Long anchorBlock,
                              Instant erasureRequestedAt, Instant erasedAt) {
}

package org.careledger.records;

import java.time.Instant;

import org.careledger.contracts.RecordCategory;

/** A patient's request to erase an entry, as an admin sees it (the entry's content is not shown). */
public record ErasureRequestView(EntryId entryId, Party patient, RecordCategory category, Instant createdAt,
                                 Instant requestedAt, String reason) {
}

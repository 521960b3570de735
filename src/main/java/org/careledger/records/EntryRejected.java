package org.careledger.records;

import org.careledger.contracts.RecordCategory;
import org.careledger.identity.UserId;

/** A patient rejected a doctor's entry; their comment is kept, sealed, with the entry. */
public record EntryRejected(EntryId entry, UserId patient, UserId author, RecordCategory category) {
}

package org.careledger.records;

import org.careledger.contracts.RecordCategory;
import org.careledger.identity.UserId;

/** A patient asked for one of their entries to be erased; an admin is to confirm or decline. */
public record ErasureRequested(EntryId entry, UserId patient, RecordCategory category) {
}

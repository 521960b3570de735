package org.careledger.records;

import org.careledger.contracts.RecordCategory;
import org.careledger.identity.UserId;

/** A doctor wrote an entry into a patient's record; it waits for the patient's approval. */
public record EntryProposed(EntryId entry, UserId patient, UserId author, RecordCategory category) {
}

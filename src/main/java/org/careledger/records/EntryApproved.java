package org.careledger.records;

import org.careledger.contracts.RecordCategory;
import org.careledger.identity.UserId;

/** A patient took a doctor's entry into their record; it is being anchored with the patient's signature. */
public record EntryApproved(EntryId entry, UserId patient, UserId author, RecordCategory category) {
}

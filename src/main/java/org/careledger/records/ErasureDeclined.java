package org.careledger.records;

import org.careledger.contracts.RecordCategory;
import org.careledger.identity.UserId;

/** An admin kept an entry a patient asked to erase, with a comment sealed for the patient. */
public record ErasureDeclined(EntryId entry, UserId patient, RecordCategory category, UserId admin) {
}

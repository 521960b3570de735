package org.careledger.records;

import org.careledger.contracts.RecordCategory;
import org.careledger.identity.UserId;

/** An admin erased an entry at its patient's request: its content is gone, its anchor stays on chain. */
public record EntryErased(EntryId entry, UserId patient, RecordCategory category, UserId admin) {
}

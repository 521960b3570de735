package org.careledger.records;

import java.util.List;
import java.util.Set;

import org.careledger.contracts.RecordCategory;
import org.careledger.identity.UserId;

/**
 * Someone other than the patient read entries of the patient's record; each read is queued on the
 * ledger's audit (durably, before the content was shown) under the grant or emergency that allowed it.
 */
public record RecordRead(UserId reader, UserId patient, List<EntryId> entries, Set<RecordCategory> categories, boolean emergency) {

    public RecordRead {
        entries = List.copyOf(entries);
        categories = Set.copyOf(categories);
    }
}

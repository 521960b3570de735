package org.careledger.records;

import java.time.Duration;
import java.util.Set;

import org.careledger.contracts.RecordCategory;
import org.careledger.identity.UserId;

/** A patient granted a doctor's request, over these kinds of record, for this long. */
public record AccessGranted(UserId patient, UserId doctor, GrantId grant, Set<RecordCategory> categories, Duration duration) {

    public AccessGranted {
        categories = Set.copyOf(categories);
    }
}

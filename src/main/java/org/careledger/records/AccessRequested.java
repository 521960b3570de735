package org.careledger.records;

import java.time.Duration;
import java.util.Set;

import org.careledger.contracts.Purpose;
import org.careledger.contracts.RecordCategory;
import org.careledger.identity.UserId;

/** A doctor asked a patient for access to some kinds of record, for a purpose and a time. */
public record AccessRequested(UserId patient, UserId doctor, Set<RecordCategory> categories, Purpose purpose, Duration duration) {

    public AccessRequested {
        categories = Set.copyOf(categories);
    }
}

package org.careledger.records;

import java.util.Set;

import org.careledger.contracts.RecordCategory;
import org.careledger.identity.UserId;

/** A patient revoked a grant: from now on it allows nothing, even before the revocation is mined. */
public record AccessRevoked(UserId patient, UserId doctor, GrantId grant, Set<RecordCategory> categories) {

    public AccessRevoked {
        categories = Set.copyOf(categories);
    }
}

package org.careledger.contracts;

import java.util.Optional;
import java.util.Set;

import org.careledger.ledger.Hash;

/**
 * What lets a doctor see a patient's records at some time: a grant (with its purpose) or an
 * emergency access (every category, no purpose), identified by its id, in force until {@code endMillis}.
 */
public record AccessBasis(Kind kind, Hash id, Optional<Purpose> purpose, Set<RecordCategory> categories, long endMillis) {

    public enum Kind {
        GRANT,
        EMERGENCY
    }

    public AccessBasis {
        categories = Set.copyOf(categories);
    }

    static AccessBasis of(Grant g) {
        long end = g.revokedAt().isPresent() ? Math.min(g.endMillis(), g.revokedAt().getAsLong()) : g.endMillis();
        return new AccessBasis(Kind.GRANT, g.id(), Optional.of(g.purpose()), g.categories(), end);
    }

    static AccessBasis of(Emergency e) {
        return new AccessBasis(Kind.EMERGENCY, e.id(), Optional.empty(), Set.of(RecordCategory.values()), e.endMillis());
    }
}

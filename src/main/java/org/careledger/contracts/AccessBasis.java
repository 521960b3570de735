package org.careledger.contracts;

import java.util.Optional;
import java.util.Set;

import org.careledger.ledger.Hash;

/**
 * What lets a reader see a patient's records at some time: a grant (with its purpose), an emergency
 * access (every category, no purpose) or, for a pharmacist, a prescription (MEDICATION only, until
 * it is cancelled), identified by its id, in force until {@code endMillis}.
 */
public record AccessBasis(Kind kind, Hash id, Optional<Purpose> purpose, Set<RecordCategory> categories, long endMillis) {

    /** Stored by ordinal in access events: new kinds are only appended. */
    public enum Kind {
        GRANT,
        EMERGENCY,
        PRESCRIPTION
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

    /** A prescription has no end of its own as a basis: it holds until it is cancelled. */
    static AccessBasis of(Prescription p) {
        long end = p.cancellation().map(c -> c.at().millis()).orElse(Long.MAX_VALUE);
        return new AccessBasis(Kind.PRESCRIPTION, p.id(), Optional.empty(), Set.of(RecordCategory.MEDICATION), end);
    }
}

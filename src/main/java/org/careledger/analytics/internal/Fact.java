package org.careledger.analytics.internal;

import java.time.LocalDate;
import java.util.List;

/**
 * One thing a figure counts, taken from one committed transaction: its key (one part per dimension of
 * the figure), its day, its scope (the provider it happened at, or {@link #NO_PROVIDER}) and the
 * patient it concerns (their ledger address; pseudonymous, never shown).
 */
public record Fact(String txId, String figure, List<String> key, LocalDate day, String scope, String patientRef, long height) {

    public static final String NO_PROVIDER = "none";

    public Fact {
        key = List.copyOf(key);
    }

    /**
     * Whether the figure's scopes add up to an all-scopes total. A doctor's own figure does not: each
     * doctor sees only their own scope and nobody sees a total over doctors, so each doctor's cells are a
     * cube of their own (suppressed apart, and cheaply).
     */
    public static boolean summedOverScopes(String figure) {
        return !figure.endsWith(FactSources.FOR_DOCTORS);
    }

    /** The cells this fact counts in. */
    public List<org.careledger.analytics.cube.CellRef> cells() {
        return org.careledger.analytics.cube.CellRef.countedIn(key, day, scope, summedOverScopes(figure));
    }
}

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
}

package org.careledger.analytics.cube;

/**
 * What a cell counts: events (diagnoses, prescriptions, visits…; the figure shown) and the distinct
 * patients behind them (what suppression looks at).
 */
public record Counts(long events, long patients) {

    public static final Counts ZERO = new Counts(0, 0);

    public Counts {
        if (events < 0 || patients < 0 || patients > events) {
            throw new IllegalArgumentException("counts " + events + " events of " + patients + " patients");
        }
    }

    /** The sum of two cells of patients who are not the same people (e.g. the synthetic history and the portal's own). */
    public Counts plusDisjoint(Counts other) {
        return new Counts(events + other.events, patients + other.patients);
    }
}

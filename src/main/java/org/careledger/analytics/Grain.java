package org.careledger.analytics;

import org.careledger.analytics.cube.Level;

/** How a chart's period is cut: fixed calendar buckets only, never a free date range. */
public enum Grain {
    /** The twelve months of one year. */
    MONTHS("Months of a year", Level.MONTH, 12),
    /** The twelve quarters of three years. */
    QUARTERS("Quarters of three years", Level.QUARTER, 12),
    /** Ten years. */
    YEARS("Ten years", Level.YEAR, 10);

    private final String label;
    private final Level level;
    private final int buckets;

    Grain(String label, Level level, int buckets) {
        this.label = label;
        this.level = level;
        this.buckets = buckets;
    }

    public String label() {
        return label;
    }

    public Level level() {
        return level;
    }

    /** How many buckets a chart of this grain shows. */
    public int buckets() {
        return buckets;
    }
}

package org.careledger.analytics.cube;

/**
 * The calendar levels a figure is counted at, each nesting in the next: a month in its quarter, a
 * quarter in its year. Weeks are left out on purpose: a week does not nest in a month or a year, so a
 * year minus the weeks inside it would be the count of the days left over, a free date range by
 * subtraction. {@link #ALL} is the single bucket of a census (patients today), not a sum of years: no
 * chart shows a whole-history total, so the years are not summed, and each year's cells are a cube of
 * their own for suppression (far cheaper than one cube of every year).
 */
public enum Level {
    MONTH, QUARTER, YEAR, ALL;

    /** The levels a dated fact is counted at, finest first. */
    public static final java.util.List<Level> CALENDAR = java.util.List.of(MONTH, QUARTER, YEAR);

    /** The level this one nests in; null for a year and for {@link #ALL}. */
    public Level parent() {
        return switch (this) {
            case MONTH -> QUARTER;
            case QUARTER -> YEAR;
            case YEAR, ALL -> null;
        };
    }
}

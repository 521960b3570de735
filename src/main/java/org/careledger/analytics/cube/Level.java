package org.careledger.analytics.cube;

/**
 * The calendar levels a figure is counted at, each nesting in the next: a month in its quarter, a
 * quarter in its year, every year in the whole history. Weeks are left out on purpose: a week does not
 * nest in a month or a year, so a year minus the weeks inside it would be the count of the days left
 * over, a free date range by subtraction.
 */
public enum Level {
    MONTH, QUARTER, YEAR, ALL;

    /** The level this one nests in; null for {@link #ALL}. */
    public Level parent() {
        return this == ALL ? null : values()[ordinal() + 1];
    }
}

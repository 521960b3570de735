package org.careledger.analytics.cube;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One fixed calendar bucket: a month, a quarter, a year, or a census's single bucket, named by its first
 * day ({@link #ALL_START} for a census). Buckets never overlap within a level and a month or a quarter
 * nests in exactly one bucket of the next level.
 */
public record Bucket(Level level, LocalDate start) implements Comparable<Bucket> {

    /** The start the whole history is named by. */
    public static final LocalDate ALL_START = LocalDate.of(1, 1, 1);
    public static final Bucket ALL = new Bucket(Level.ALL, ALL_START);

    public Bucket {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(start, "start");
        if (!start.equals(startOf(level, start))) {
            throw new IllegalArgumentException(start + " does not start a " + level.name().toLowerCase());
        }
    }

    /** The bucket of {@code level} that {@code day} falls in. */
    public static Bucket of(Level level, LocalDate day) {
        return new Bucket(level, startOf(level, day));
    }

    private static LocalDate startOf(Level level, LocalDate day) {
        return switch (level) {
            case MONTH -> day.withDayOfMonth(1);
            case QUARTER -> LocalDate.of(day.getYear(), (day.getMonthValue() - 1) / 3 * 3 + 1, 1);
            case YEAR -> LocalDate.of(day.getYear(), 1, 1);
            case ALL -> ALL_START;
        };
    }

    /** The bucket this one nests in; null for a year and for a census. */
    public Bucket parent() {
        Level up = level.parent();
        return up == null ? null : of(up, start);
    }

    /** The day after this bucket ends (null for the whole history). */
    public LocalDate end() {
        return switch (level) {
            case MONTH -> start.plusMonths(1);
            case QUARTER -> start.plusMonths(3);
            case YEAR -> start.plusYears(1);
            case ALL -> null;
        };
    }

    /** The bucket of the same level that follows this one. */
    public Bucket next() {
        if (level == Level.ALL) {
            throw new IllegalStateException("the whole history has no next bucket");
        }
        return new Bucket(level, end());
    }

    /** "2026-03", "2026-Q1", "2026", "all": the label used in tables and exports (ISO-like, sortable). */
    public String label() {
        return switch (level) {
            case MONTH -> String.format("%d-%02d", start.getYear(), start.getMonthValue());
            case QUARTER -> start.getYear() + "-Q" + ((start.getMonthValue() - 1) / 3 + 1);
            case YEAR -> Integer.toString(start.getYear());
            case ALL -> "all";
        };
    }

    @Override
    public int compareTo(Bucket o) {
        int byLevel = level.compareTo(o.level);
        return byLevel != 0 ? byLevel : start.compareTo(o.start);
    }

    @Override
    public String toString() {
        return label();
    }
}

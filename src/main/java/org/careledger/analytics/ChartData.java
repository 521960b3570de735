package org.careledger.analytics;

import java.util.List;

/**
 * What a chart shows, already suppressed: its buckets along the x axis, one series per key, and each
 * value either a count or null for "fewer than 5 patients" (or hidden so that a shown sum does not give
 * such a cell away). Labels carry their units. {@code emptyReason} says why there is nothing to draw.
 *
 * @param id          a stable id (element ids, file names)
 * @param title       the chart's title
 * @param xLabel      the x axis's label
 * @param yLabel      the y axis's label, with its unit
 * @param buckets     the x axis's labels (ISO-like: 2026-03, 2026-Q1, 2026)
 * @param series      the series, in legend order
 * @param kind        how it is drawn
 * @param notes       what a reader should know (synthetic history, suppression)
 * @param emptyReason why the chart is empty, or null
 * @param y2Label     the right-hand axis's label, with its unit, for series drawn against it; null for none
 * @param decimals    the values are in units of 10^-decimals (0 for counts; 6 for token amounts in base units)
 */
public record ChartData(String id, String title, String xLabel, String yLabel, List<String> buckets, List<Series> series, Kind kind,
                        List<String> notes, String emptyReason, String y2Label, int decimals) {

    public ChartData {
        buckets = List.copyOf(buckets);
        series = List.copyOf(series);
        notes = List.copyOf(notes);
        if (decimals < 0 || decimals > 9) {
            throw new IllegalArgumentException("decimals " + decimals);
        }
    }

    public ChartData(String id, String title, String xLabel, String yLabel, List<String> buckets, List<Series> series, Kind kind,
                     List<String> notes, String emptyReason, String y2Label) {
        this(id, title, xLabel, yLabel, buckets, series, kind, notes, emptyReason, y2Label, 0);
    }

    public ChartData(String id, String title, String xLabel, String yLabel, List<String> buckets, List<Series> series, Kind kind,
                     List<String> notes, String emptyReason) {
        this(id, title, xLabel, yLabel, buckets, series, kind, notes, emptyReason, null);
    }

    /** A value as a table or a CSV file shows it: "&lt; 5" when suppressed, else the number with its decimals (trailing zeros dropped). */
    public String format(Long value) {
        if (value == null) {
            return SUPPRESSED;
        }
        if (decimals == 0) {
            return Long.toString(value);
        }
        java.math.BigDecimal d = java.math.BigDecimal.valueOf(value, decimals).stripTrailingZeros();
        return (d.scale() < 0 ? d.setScale(0) : d).toPlainString();
    }

    public enum Kind { STACKED_BARS, BARS, LINES }

    /**
     * One series: its label and a value per bucket (null: suppressed, shown as "&lt; 5", or unknown);
     * drawn against the right-hand axis when {@code rightAxis}, and as a dashed reference line (a target)
     * when {@code reference}.
     */
    public record Series(String label, List<Long> values, boolean rightAxis, boolean reference) {

        public Series {
            values = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(values));
        }

        public Series(String label, List<Long> values) {
            this(label, values, false, false);
        }
    }

    public boolean isEmpty() {
        return emptyReason != null;
    }

    /** What a suppressed value is shown as. */
    public static final String SUPPRESSED = "< 5";
}

package org.careledger.analytics.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.careledger.analytics.ChartData;
import org.careledger.analytics.Period;
import org.careledger.analytics.cube.Bucket;
import org.careledger.analytics.cube.CellRef;

/**
 * The clinical charts: which figure each reads, which cells make its series, and its words. Every
 * value comes from one cell of the figure's suppressed cube, so what one chart hides no other chart
 * of the same figure shows (the cube was suppressed as a whole).
 */
public final class Charts {

    /** The figure of consent and emergency-access events. */
    public static final String CONSENTS = FactSources.CONSENTS;

    private Charts() {
    }

    /** One series of a chart: its label and the key of its cells. */
    record SeriesKey(String label, List<String> key) {
    }

    public static ChartData diagnoses(CubeSnapshot cube, HistoryCells history, Period period, String scope, String scopeLabel) {
        List<SeriesKey> series = new ArrayList<>();
        for (Map.Entry<String, String> e : history.keys(HistoryCells.DIAGNOSES, 0).entrySet()) {
            series.add(new SeriesKey(e.getValue(), List.of(e.getKey())));
        }
        series.sort((a, b) -> Long.compare(total(cube, b.key(), scope), total(cube, a.key(), scope)));
        series.add(new SeriesKey("Other conditions", List.of(HistoryCells.OTHER)));
        return chart("new-diagnoses", "New diagnoses by condition", "Diagnoses (count)", ChartData.Kind.STACKED_BARS, cube, period,
                scope, scopeLabel, series, "diagnoses");
    }

    public static ChartData prescriptionsByState(CubeSnapshot cube, Period period, String scope, String scopeLabel) {
        List<SeriesKey> series = List.of(
                new SeriesKey("Issued", List.of("issued", CellRef.ANY)),
                new SeriesKey("Dispensed", List.of("dispensed", CellRef.ANY)),
                new SeriesKey("Expired", List.of("expired", CellRef.ANY)),
                new SeriesKey("Cancelled", List.of("cancelled", CellRef.ANY)));
        return chart("prescriptions-by-state", "Prescriptions by state", "Prescriptions (count)", ChartData.Kind.LINES, cube, period,
                scope, scopeLabel, series, "prescriptions");
    }

    public static ChartData prescriptionsByMedicine(CubeSnapshot cube, HistoryCells history, Period period, String scope,
                                                    String scopeLabel) {
        List<SeriesKey> series = new ArrayList<>();
        for (Map.Entry<String, String> e : history.keys(HistoryCells.PRESCRIPTIONS, 1).entrySet()) {
            series.add(new SeriesKey(e.getValue(), List.of("issued", e.getKey())));
        }
        series.sort((a, b) -> Long.compare(total(cube, b.key(), scope), total(cube, a.key(), scope)));
        series.add(new SeriesKey("Other medicines", List.of("issued", HistoryCells.OTHER)));
        return chart("prescriptions-by-medicine", "Prescriptions issued by medicine", "Prescriptions (count)",
                ChartData.Kind.STACKED_BARS, cube, period, scope, scopeLabel, series, "prescriptions issued");
    }

    public static ChartData consents(CubeSnapshot cube, Period period, String scope, String scopeLabel) {
        List<SeriesKey> series = List.of(
                new SeriesKey("Requested", List.of(FactSources.CONSENT_REQUESTED)),
                new SeriesKey("Granted", List.of(FactSources.CONSENT_GRANTED)),
                new SeriesKey("Denied", List.of(FactSources.CONSENT_DENIED)),
                new SeriesKey("Revoked", List.of(FactSources.CONSENT_REVOKED)));
        return chart("consents", "Consent requests and their outcomes", "Consent decisions (count)", ChartData.Kind.LINES, cube, period,
                scope, scopeLabel, series, "consent requests or decisions");
    }

    public static ChartData emergencies(CubeSnapshot cube, Period period, String scope, String scopeLabel) {
        List<SeriesKey> series = List.of(
                new SeriesKey("Emergency accesses", List.of(FactSources.EMERGENCY_DECLARED)),
                new SeriesKey("Reviewed: justified", List.of(FactSources.EMERGENCY_JUSTIFIED)),
                new SeriesKey("Reviewed: not justified", List.of(FactSources.EMERGENCY_UNJUSTIFIED)));
        return chart("emergencies", "Emergency accesses and their review", "Emergency accesses (count)", ChartData.Kind.BARS, cube,
                period, scope, scopeLabel, series, "emergency accesses");
    }

    /** Patients by age band and sex today (not by period: a census); not counted per provider. */
    public static ChartData patients(CubeSnapshot cube, String scope, String scopeLabel) {
        List<String> bands = PatientCensus.BANDS;
        List<ChartData.Series> series = new ArrayList<>();
        boolean anything = false;
        boolean anyHidden = false;
        for (String sex : PatientCensus.SEXES) {
            List<Long> values = new ArrayList<>();
            for (String band : bands) {
                Long v = cube.shown(new CellRef(List.of(band, sex), Bucket.ALL, scope));
                values.add(v);
                anything |= v == null || v > 0;
                anyHidden |= v == null;
            }
            series.add(new ChartData.Series(sex.substring(0, 1).toUpperCase() + sex.substring(1), values));
        }
        List<String> notes = new ArrayList<>();
        notes.add("Living patients by their age today. Registration records no sex, so the portal's own patients are \"not recorded\".");
        if (!scope.equals(PatientCensus.PORTAL) && !HistoryCellsNote.none(cube)) {
            notes.add(HistoryCellsNote.TEXT);
        }
        if (anyHidden) {
            notes.add(ChartData.SUPPRESSED + ": fewer than 5 patients, or hidden so that a total cannot give such a count away.");
        }
        String empty = scope.startsWith("provider:") ? "Patients are not counted per provider: choose all providers."
                : anything ? null : "No patients counted for " + scopeLabel + ".";
        return new ChartData("patients-by-age", "Patients by age band and sex, today", "Age band (years)", "Patients (count)", bands,
                series, ChartData.Kind.BARS, notes, empty);
    }

    /** The key's count over the whole history in the scope (hidden counts as 0): the order of the legend. */
    private static long total(CubeSnapshot cube, List<String> key, String scope) {
        Long shown = cube.shown(new CellRef(key, Bucket.ALL, scope));
        return shown == null ? 0 : shown;
    }

    private static ChartData chart(String id, String title, String yLabel, ChartData.Kind kind, CubeSnapshot cube, Period period,
                                   String scope, String scopeLabel, List<SeriesKey> keys, String what) {
        List<Bucket> buckets = period.buckets();
        List<ChartData.Series> series = new ArrayList<>();
        boolean anything = false;
        boolean anyHidden = false;
        for (SeriesKey k : keys) {
            List<Long> values = new ArrayList<>();
            for (Bucket b : buckets) {
                Long v = cube.shown(new CellRef(k.key(), b, scope));
                values.add(v);
                anything |= v == null || v > 0;
                anyHidden |= v == null;
            }
            series.add(new ChartData.Series(k.label(), values));
        }
        List<String> notes = new ArrayList<>();
        if (scope.equals("*") || scope.equals(HistoryCells.SCOPE)) {
            if (!cube.cells().isEmpty() && !HistoryCellsNote.none(cube)) {
                notes.add(HistoryCellsNote.TEXT);
            }
        }
        if (anyHidden) {
            notes.add(ChartData.SUPPRESSED + ": fewer than 5 patients, or hidden so that a total cannot give such a count away.");
        }
        String empty = anything ? null : "No " + what + " in " + period.describe() + " for " + scopeLabel + ".";
        String xLabel = switch (period.grain()) {
            case MONTHS -> "Month";
            case QUARTERS -> "Quarter";
            case YEARS -> "Year";
        };
        return new ChartData(id, title + " · " + period.describe(), xLabel, yLabel, buckets.stream().map(Bucket::label).toList(), series,
                kind, notes, empty);
    }

    /** Whether a cube holds synthetic history, and what a chart says about it. */
    static final class HistoryCellsNote {

        static final String TEXT = "Includes the demo's synthetic history: Synthea's made-up patients (1,189), not real people.";

        private HistoryCellsNote() {
        }

        static boolean none(CubeSnapshot cube) {
            return cube.cells().keySet().stream().noneMatch(c -> c.scope().equals(HistoryCells.SCOPE));
        }
    }
}

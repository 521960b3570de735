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

    /** What a chart says while its figure's suppression is still being worked out. */
    public static final String PREPARING = "Being prepared: every count is checked for what it could give away before it is shown. "
            + "This chart appears here by itself in a few seconds.";
    /** The note on a chart that includes the synthetic history. */
    static final String HISTORY_NOTE = "Includes the demo's synthetic history: Synthea's made-up patients (1,189), not real people.";

    /** The figure of consent and emergency-access events. */
    public static final String CONSENTS = FactSources.CONSENTS;

    private Charts() {
    }

    /** One series of a chart: its label and the key of its cells. */
    record SeriesKey(String label, List<String> key) {
    }

    public static ChartData diagnoses(java.util.Optional<CubeSnapshot> snapshot, HistoryCells history, Period period, String scope, String scopeLabel) {
        List<SeriesKey> series = new ArrayList<>();
        for (Map.Entry<String, String> e : history.keys(HistoryCells.DIAGNOSES, 0).entrySet()) {
            series.add(new SeriesKey(e.getValue(), List.of(e.getKey())));
        }
        series.add(new SeriesKey("Other conditions", List.of(HistoryCells.OTHER)));
        return chart("new-diagnoses", "New diagnoses by condition", "Diagnoses (count)", ChartData.Kind.STACKED_BARS, snapshot, period,
                scope, scopeLabel, series, "diagnoses", true);
    }

    public static ChartData prescriptionsByState(java.util.Optional<CubeSnapshot> snapshot, Period period, String scope, String scopeLabel) {
        List<SeriesKey> series = List.of(
                new SeriesKey("Issued", List.of("issued", CellRef.ANY)),
                new SeriesKey("Dispensed", List.of("dispensed", CellRef.ANY)),
                new SeriesKey("Expired", List.of("expired", CellRef.ANY)),
                new SeriesKey("Cancelled", List.of("cancelled", CellRef.ANY)));
        return chart("prescriptions-by-state", "Prescriptions by state", "Prescriptions (count)", ChartData.Kind.LINES, snapshot, period,
                scope, scopeLabel, series, "prescriptions", false);
    }

    public static ChartData prescriptionsByMedicine(java.util.Optional<CubeSnapshot> snapshot, HistoryCells history, Period period, String scope,
                                                    String scopeLabel) {
        List<SeriesKey> series = new ArrayList<>();
        for (Map.Entry<String, String> e : history.keys(HistoryCells.PRESCRIPTIONS, 1).entrySet()) {
            series.add(new SeriesKey(e.getValue(), List.of("issued", e.getKey())));
        }
        series.add(new SeriesKey("Other medicines", List.of("issued", HistoryCells.OTHER)));
        return chart("prescriptions-by-medicine", "Prescriptions issued by medicine", "Prescriptions (count)",
                ChartData.Kind.STACKED_BARS, snapshot, period, scope, scopeLabel, series, "prescriptions issued", true);
    }

    public static ChartData consents(java.util.Optional<CubeSnapshot> snapshot, Period period, String scope, String scopeLabel) {
        List<SeriesKey> series = List.of(
                new SeriesKey("Requested", List.of(FactSources.CONSENT_REQUESTED)),
                new SeriesKey("Granted", List.of(FactSources.CONSENT_GRANTED)),
                new SeriesKey("Denied", List.of(FactSources.CONSENT_DENIED)),
                new SeriesKey("Revoked", List.of(FactSources.CONSENT_REVOKED)));
        return chart("consents", "Consent requests and their outcomes", "Consent decisions (count)", ChartData.Kind.LINES, snapshot, period,
                scope, scopeLabel, series, "consent requests or decisions", false);
    }

    public static ChartData emergencies(java.util.Optional<CubeSnapshot> snapshot, Period period, String scope, String scopeLabel) {
        List<SeriesKey> series = List.of(
                new SeriesKey("Emergency accesses", List.of(FactSources.EMERGENCY_DECLARED)),
                new SeriesKey("Reviewed: justified", List.of(FactSources.EMERGENCY_JUSTIFIED)),
                new SeriesKey("Reviewed: not justified", List.of(FactSources.EMERGENCY_UNJUSTIFIED)));
        return chart("emergencies", "Emergency accesses and their review", "Emergency accesses (count)", ChartData.Kind.BARS, snapshot,
                period, scope, scopeLabel, series, "emergency accesses", false);
    }

    public static ChartData appointments(java.util.Optional<CubeSnapshot> snapshot, Period period, String scope, String scopeLabel) {
        List<SeriesKey> series = new ArrayList<>();
        for (String outcome : List.of("booked", "confirmed", "completed", "no-show", "cancelled", "declined")) {
            series.add(new SeriesKey(outcome.substring(0, 1).toUpperCase() + outcome.substring(1).replace('-', ' '), List.of(outcome, CellRef.ANY)));
        }
        return chart("appointments", "Appointments and their outcomes", "Appointments (count)", ChartData.Kind.LINES, snapshot, period,
                scope, scopeLabel, series, "appointments", false);
    }

    /**
     * Prescriptions dispensed per pharmacy (the pharmacy of the pharmacist who dispensed), and those of the
     * synthetic history, which names none. Pending prescriptions are not per pharmacy: one is sent to no
     * pharmacy until it is dispensed (the state chart has them).
     */
    public static ChartData dispensedPerPharmacy(java.util.Optional<CubeSnapshot> snapshot, Period period, String scope, String scopeLabel,
                                                 java.util.function.Function<String, String> pharmacyName) {
        List<SeriesKey> series = new ArrayList<>();
        snapshot.ifPresent(cube -> cube.cells().keySet().stream()
                .filter(c -> c.scope().equals(scope) && c.key().get(0).equals(FactSources.DISPENSED)
                        && c.key().get(1).startsWith(FactSources.PHARMACY))
                .map(c -> c.key().get(1)).distinct().sorted()
                .forEach(p -> series.add(new SeriesKey(pharmacyName.apply(p), List.of(FactSources.DISPENSED, p)))));
        series.add(new SeriesKey("Pharmacy not recorded", List.of(FactSources.DISPENSED, HistoryCells.ANY_MEDICINE)));
        return chart("dispensed-per-pharmacy", "Prescriptions dispensed per pharmacy", "Dispensings (count)", ChartData.Kind.STACKED_BARS,
                snapshot, period, scope, scopeLabel, series, "prescriptions dispensed", true, true);
    }

    /** The most doctors a chart of bookings per doctor draws (the busiest in the period shown). */
    static final int MOST_DOCTORS = 10;

    /** Appointments booked per doctor: the busiest {@link #MOST_DOCTORS} in the period, by name. */
    public static ChartData appointmentsPerDoctor(java.util.Optional<CubeSnapshot> snapshot, Period period, String scope, String scopeLabel,
                                                  java.util.function.Function<String, String> doctorName) {
        List<SeriesKey> series = new ArrayList<>();
        snapshot.ifPresent(cube -> cube.cells().keySet().stream()
                .filter(c -> c.scope().equals(scope) && c.key().get(0).equals(FactSources.APPOINTMENT_BOOKED)
                        && c.key().get(1).startsWith("doctor:"))
                .map(c -> c.key().get(1)).distinct().sorted()
                .forEach(d -> series.add(new SeriesKey(doctorName.apply(d), List.of(FactSources.APPOINTMENT_BOOKED, d)))));
        ChartData all = chart("appointments-per-doctor", "Appointments booked per doctor", "Appointments (count)", ChartData.Kind.STACKED_BARS,
                snapshot, period, scope, scopeLabel, series, "appointments booked", true, false);
        if (all.series().size() <= MOST_DOCTORS) {
            return all;
        }
        List<String> notes = new ArrayList<>(all.notes());
        notes.add(0, "The " + MOST_DOCTORS + " doctors with the most bookings shown in this period; " + (all.series().size() - MOST_DOCTORS)
                + " more are not drawn.");
        return new ChartData(all.id(), all.title(), all.xLabel(), all.yLabel(), all.buckets(), all.series().subList(0, MOST_DOCTORS), all.kind(),
                notes, all.emptyReason());
    }

    /** Patients by age band and sex today (not by period: a census); not counted per provider. */
    public static ChartData patients(java.util.Optional<CubeSnapshot> snapshot, String scope, String scopeLabel) {
        String id = "patients-by-age";
        String title = "Patients by age band and sex, today";
        if (scope.startsWith("provider:")) {
            return new ChartData(id, title, "Age band (years)", "Patients (count)", List.of(), List.of(), ChartData.Kind.BARS, List.of(),
                    "Patients are not counted per provider: choose all providers.");
        }
        if (snapshot.isEmpty()) {
            return preparing(id, title, "Age band (years)", "Patients (count)");
        }
        CubeSnapshot cube = snapshot.get();
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
        if (!scope.equals(PatientCensus.PORTAL) && cube.withHistory()) {
            notes.add(HISTORY_NOTE);
        }
        if (anyHidden) {
            notes.add(ChartData.SUPPRESSED + ": fewer than 5 patients, or hidden so that a total cannot give such a count away.");
        }
        String empty = anything ? null : "No patients counted for " + scopeLabel + ".";
        return new ChartData(id, title, "Age band (years)", "Patients (count)", bands, series, ChartData.Kind.BARS, notes, empty);
    }

    private static ChartData chart(String id, String title, String yLabel, ChartData.Kind kind, java.util.Optional<CubeSnapshot> snapshot, Period period,
                                   String scope, String scopeLabel, List<SeriesKey> keys, String what, boolean biggestFirst) {
        return chart(id, title, yLabel, kind, snapshot, period, scope, scopeLabel, keys, what, biggestFirst, true);
    }

    private static ChartData chart(String id, String title, String yLabel, ChartData.Kind kind, java.util.Optional<CubeSnapshot> snapshot,
                                   Period period, String scope, String scopeLabel, List<SeriesKey> keys, String what, boolean biggestFirst,
                                   boolean lastIsOther) {
        String xLabel = switch (period.grain()) {
            case MONTHS -> "Month";
            case QUARTERS -> "Quarter";
            case YEARS -> "Year";
        };
        if (snapshot.isEmpty()) {
            return preparing(id, title + " · " + period.describe(), xLabel, yLabel);
        }
        CubeSnapshot cube = snapshot.get();
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
        if (biggestFirst && !series.isEmpty()) {
            // the legend's order: the biggest series of the period shown first (from the shown counts only),
            // an "other" series last
            List<ChartData.Series> ranked = new ArrayList<>(lastIsOther ? series.subList(0, series.size() - 1) : series);
            ranked.sort((a, b) -> Long.compare(shownTotal(b), shownTotal(a)));
            if (lastIsOther) {
                ranked.add(series.get(series.size() - 1));
            }
            series = ranked;
        }
        List<String> notes = new ArrayList<>();
        if ((scope.equals("*") || scope.equals(HistoryCells.SCOPE)) && cube.withHistory()) {
            notes.add(HISTORY_NOTE);
        }
        if (anyHidden) {
            notes.add(ChartData.SUPPRESSED + ": fewer than 5 patients, or hidden so that a total cannot give such a count away.");
        }
        String empty = anything ? null : "No " + what + " in " + period.describe() + " for " + scopeLabel + ".";
        return new ChartData(id, title + " · " + period.describe(), xLabel, yLabel, buckets.stream().map(Bucket::label).toList(), series,
                kind, notes, empty);
    }

    private static long shownTotal(ChartData.Series s) {
        return s.values().stream().filter(java.util.Objects::nonNull).mapToLong(Long::longValue).sum();
    }

    /** A chart whose figure is still being prepared: it says so, and the page redraws when it is ready. */
    private static ChartData preparing(String id, String title, String xLabel, String yLabel) {
        return new ChartData(id, title, xLabel, yLabel, List.of(), List.of(), ChartData.Kind.BARS, List.of(), PREPARING);
    }
}

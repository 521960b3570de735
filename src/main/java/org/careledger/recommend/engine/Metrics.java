package org.careledger.recommend.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Top-k accuracy (or precision@k when a case has several right answers), coverage and their 95 %
 * bootstrap intervals over test patients: {@value #RESAMPLES} resamples of the patients with
 * replacement, {@code new Random(SEED)}, each resample's figure taken over all the cases of the
 * patients drawn; the interval is the 2.5th and 97.5th percentile. A paired difference resamples the
 * same patients for both rankings.
 */
final class Metrics {

    static final int RESAMPLES = 1000;
    static final long SEED = 42;

    private Metrics() {
    }

    /** One test case: whose it is, the ranking given, the right answers and whether the model knew the case. */
    record Case(String patient, List<String> ranked, Set<String> truths, boolean covered) {

        /** Top-k hit (1 or 0) for one right answer; precision@k for several. */
        double score(int k) {
            List<String> top = ranked.subList(0, Math.min(k, ranked.size()));
            long hits = top.stream().filter(truths::contains).count();
            return truths.size() == 1 ? Math.min(1, hits) : hits / (double) k;
        }
    }

    record Interval(double value, double lo, double hi) {
        String format() {
            return String.format(Locale.ROOT, "%.3f [%.3f,%.3f]", value, lo, hi);
        }
    }

    static Interval topK(List<Case> cases, int k) {
        return bootstrap(cases, null, c -> c.score(k));
    }

    static Interval coverage(List<Case> cases) {
        return bootstrap(cases, null, c -> c.covered() ? 1 : 0);
    }

    /** Model minus baseline on the same cases (same order: case i of both is the same test case). */
    static Interval paired(List<Case> model, List<Case> baseline, int k) {
        if (model.size() != baseline.size()) {
            throw new IllegalArgumentException("paired rankings must cover the same cases");
        }
        return bootstrap(model, baseline, c -> c.score(k));
    }

    private static Interval bootstrap(List<Case> cases, List<Case> minus, java.util.function.ToDoubleFunction<Case> figure) {
        Map<String, double[]> byPatient = new LinkedHashMap<>(); // patient → {sum of figure, cases}
        for (int i = 0; i < cases.size(); i++) {
            double value = figure.applyAsDouble(cases.get(i)) - (minus == null ? 0 : figure.applyAsDouble(minus.get(i)));
            double[] sum = byPatient.computeIfAbsent(cases.get(i).patient(), p -> new double[2]);
            sum[0] += value;
            sum[1]++;
        }
        List<double[]> patients = new ArrayList<>(new java.util.TreeMap<>(byPatient).values());
        if (patients.isEmpty()) {
            return new Interval(Double.NaN, Double.NaN, Double.NaN);
        }
        double value = mean(patients, null);
        Random random = new Random(SEED);
        double[] resampled = new double[RESAMPLES];
        int[] draw = new int[patients.size()];
        for (int r = 0; r < RESAMPLES; r++) {
            for (int i = 0; i < draw.length; i++) {
                draw[i] = random.nextInt(draw.length);
            }
            resampled[r] = mean(patients, draw);
        }
        java.util.Arrays.sort(resampled);
        return new Interval(value, resampled[(int) Math.floor(0.025 * (RESAMPLES - 1))],
                resampled[(int) Math.ceil(0.975 * (RESAMPLES - 1))]);
    }

    private static double mean(List<double[]> patients, int[] draw) {
        double sum = 0;
        double n = 0;
        int count = draw == null ? patients.size() : draw.length;
        for (int i = 0; i < count; i++) {
            double[] p = patients.get(draw == null ? i : draw[i]);
            sum += p[0];
            n += p[1];
        }
        return sum / n;
    }
}

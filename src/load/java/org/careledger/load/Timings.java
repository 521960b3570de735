package org.careledger.load;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The round-trip times and errors of one phase, per action, collected from many threads. Times are
 * milliseconds; an error counts once, and the first few messages per action are kept for the report.
 */
final class Timings {

    private static final int MESSAGES_KEPT = 3;

    private final Map<String, ConcurrentLinkedQueue<Double>> millis = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
    private final Map<String, ConcurrentLinkedQueue<String>> messages = new ConcurrentHashMap<>();
    private final List<String> order = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Runs {@code action}, recording its time, or its failure (the time then is not counted). */
    void time(String action, Step step) {
        register(action);
        long start = System.nanoTime();
        try {
            step.run();
            millis.get(action).add((System.nanoTime() - start) / 1e6);
        } catch (Exception | AssertionError e) {
            errors.get(action).incrementAndGet();
            ConcurrentLinkedQueue<String> kept = messages.get(action);
            if (kept.size() < MESSAGES_KEPT) {
                kept.add(e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }
    }

    private void register(String action) {
        if (millis.putIfAbsent(action, new ConcurrentLinkedQueue<>()) == null) {
            errors.put(action, new AtomicLong());
            messages.put(action, new ConcurrentLinkedQueue<>());
            order.add(action);
        }
    }

    long errorCount() {
        return errors.values().stream().mapToLong(AtomicLong::get).sum();
    }

    /** The {@code p}th percentile (nearest rank) of an action's times; NaN if it never succeeded. */
    double percentile(String action, double p) {
        double[] sorted = sorted(action);
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private double[] sorted(String action) {
        ConcurrentLinkedQueue<Double> q = millis.get(action);
        double[] a = q == null ? new double[0] : q.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(a);
        return a;
    }

    /** One line per action: count, p50/p95/p99 and max in ms, actions per second over {@code wallSeconds}, errors. */
    List<String> table(double wallSeconds) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "  %-26s %6s %8s %8s %8s %8s %9s %6s", "action", "count", "p50 ms", "p95 ms", "p99 ms",
                "max ms", "per s", "errors"));
        for (String action : order) {
            double[] s = sorted(action);
            lines.add(String.format(Locale.ROOT, "  %-26s %6d %8.1f %8.1f %8.1f %8.1f %9.1f %6d", action, s.length,
                    percentile(action, 50), percentile(action, 95), percentile(action, 99), s.length == 0 ? Double.NaN : s[s.length - 1],
                    s.length / wallSeconds, errors.get(action).get()));
        }
        return lines;
    }

    List<String> firstErrors() {
        List<String> lines = new ArrayList<>();
        for (String action : order) {
            for (String m : messages.get(action)) {
                lines.add("  " + action + ": " + m);
            }
        }
        return lines;
    }

    long total() {
        return millis.values().stream().mapToLong(ConcurrentLinkedQueue::size).sum();
    }

    @FunctionalInterface
    interface Step {
        void run() throws Exception;
    }
}

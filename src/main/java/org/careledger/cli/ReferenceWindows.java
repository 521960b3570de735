package org.careledger.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The reference measured in short windows interleaved with the bench: one before the first run, one in
 * each pause between runs, one after the last. A run's ceiling is the faster of the two windows around
 * it (so this machine's drift across a run cannot flatter its ratio); the spread of all the windows says
 * how far the reference itself moved while the bench ran.
 */
final class ReferenceWindows {

    /** One window: where it was taken, its rate and the machine's load average then. */
    record Window(String label, double verificationsPerSecond, double load) {
    }

    private final List<Window> windows = new ArrayList<>();

    void add(String label, double verificationsPerSecond, double load) {
        windows.add(new Window(label, verificationsPerSecond, load));
    }

    List<Window> windows() {
        return List.copyOf(windows);
    }

    /** Verifications per second for run {@code run} (0-based): the faster of the windows before and after it. */
    double aroundRun(int run) {
        return Math.max(windows.get(run).verificationsPerSecond(), windows.get(run + 1).verificationsPerSecond());
    }

    /**
     * {@code reference provider=native windows=K verifications_per_s min=A median=B max=C spread=S% load=L1-L2}:
     * the spread is (max - min) / median.
     */
    String summary(String provider) {
        double[] rates = windows.stream().mapToDouble(Window::verificationsPerSecond).toArray();
        double[] loads = windows.stream().mapToDouble(Window::load).toArray();
        double median = median(rates);
        return String.format(Locale.ROOT, "reference provider=%s windows=%d verifications_per_s min=%.0f median=%.0f max=%.0f spread=%.1f%% load=%s",
                provider, rates.length, min(rates), median, max(rates), spread(rates), range(loads));
    }

    /** (max - min) / median, in per cent; 0 for fewer than two values. */
    static double spread(double[] values) {
        if (values.length < 2) {
            return 0;
        }
        double median = median(values);
        return median == 0 ? 0 : 100 * (max(values) - min(values)) / median;
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    static double min(double[] values) {
        return java.util.Arrays.stream(values).min().orElse(0);
    }

    static double max(double[] values) {
        return java.util.Arrays.stream(values).max().orElse(0);
    }

    /** {@code 1.20-3.45}, or {@code n/a} where the system gives no load average. */
    static String range(double[] loads) {
        if (loads.length == 0 || min(loads) < 0) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%.2f-%.2f", min(loads), max(loads));
    }
}

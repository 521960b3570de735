package org.careledger.recommend.engine;

import java.util.Locale;
import java.util.Map;

/** Evidence sentences: "prescribed in 82 % of 1,204 similar episodes: same condition, age 50–64". */
final class Evidence {

    private Evidence() {
    }

    static String share(String verb, Map<String, Integer> counts, String label, String what) {
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        int hits = counts.getOrDefault(label, 0);
        if (total == 0) {
            return "no similar cases in training";
        }
        return String.format(Locale.ROOT, "%s %d %% of %,d %s", verb, Math.round(100.0 * hits / total), total, what);
    }

    static String ageBand(int age) {
        int[] bounds = AGE_BANDS;
        for (int i = 0; i < bounds.length - 1; i++) {
            if (age < bounds[i + 1]) {
                return bounds[i] + "–" + (bounds[i + 1] - 1);
            }
        }
        return bounds[bounds.length - 1] + "+";
    }

    static final int[] AGE_BANDS = {0, 18, 35, 50, 65, 80};
}

package org.careledger.recommend.engine;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Isotonic calibration (pool-adjacent-violators): maps a raw model score to the hit rate such scores
 * had on held-out cases of the inner split, non-decreasing in the score, so a higher confidence never
 * means a lower hit rate. Each block of pooled scores gives one step; a score between two steps takes
 * the lower one's rate.
 */
final class Calibration implements Serializable {

    private static final long serialVersionUID = 1L;

    private final double[] lowerScores;
    private final double[] rates;
    private final int[] counts;

    private Calibration(double[] lowerScores, double[] rates, int[] counts) {
        this.lowerScores = lowerScores;
        this.rates = rates;
        this.counts = counts;
    }

    /** From (raw score, hit) pairs of held-out cases. */
    static Calibration fit(double[] scores, boolean[] hits) {
        Integer[] order = new Integer[scores.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> scores[i]));
        List<double[]> blocks = new ArrayList<>(); // {lowest score, hits, count}
        for (int i : order) {
            blocks.add(new double[] {scores[i], hits[i] ? 1 : 0, 1});
            while (blocks.size() > 1) {
                double[] last = blocks.get(blocks.size() - 1);
                double[] before = blocks.get(blocks.size() - 2);
                if (before[1] / before[2] < last[1] / last[2]) {
                    break;
                }
                before[1] += last[1];
                before[2] += last[2];
                blocks.remove(blocks.size() - 1);
            }
        }
        if (blocks.isEmpty()) {
            return identity();
        }
        double[] lower = new double[blocks.size()];
        double[] rates = new double[blocks.size()];
        int[] counts = new int[blocks.size()];
        for (int b = 0; b < lower.length; b++) {
            double[] block = blocks.get(b);
            lower[b] = b == 0 ? Double.NEGATIVE_INFINITY : block[0];
            // shrink a little towards one half, so a block of three hits does not promise certainty
            rates[b] = Math.max(b == 0 ? 0 : rates[b - 1], (block[1] + 0.5) / (block[2] + 1));
            counts[b] = (int) block[2];
        }
        return new Calibration(lower, rates, counts);
    }

    static Calibration identity() {
        return new Calibration(new double[] {Double.NEGATIVE_INFINITY}, new double[] {Double.NaN}, new int[] {0});
    }

    double confidence(double score) {
        int at = Arrays.binarySearch(lowerScores, score);
        int block = at >= 0 ? at : -at - 2;
        double rate = rates[Math.max(0, block)];
        return Double.isNaN(rate) ? Math.max(0, Math.min(1, score)) : rate;
    }

    int steps() {
        return rates.length;
    }
}

package org.careledger.recommend.engine;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a trained {@link Recommender} is: its version, when it was made, from what data, which models
 * were chosen, how long training took, and its figures on the held-out part of the inner split (the
 * patients its calibration was fitted on; {@code NaN} when unknown). {@code evaluationLines} hold the
 * full evaluation table when one was run for it ({@code recommend evaluate}), else they are empty.
 */
public record ModelCard(String version, Instant created, String trainingData, List<String> evaluationLines,
                        String diseaseModel, String medicineModel, int symptomCases, int medicineEpisodes,
                        long trainingMillis, double diseaseTop1, double diseaseTop3, double medicineTop1,
                        double medicineTop3) {

    public ModelCard {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(trainingData, "trainingData");
        evaluationLines = List.copyOf(evaluationLines);
    }

    /**
     * "Replace only if not worse": this card's held-out top-1 and top-3 figures are each at least the
     * other's minus {@code tolerance} (e.g. 0.005), for both tasks.
     */
    public boolean notWorseThan(ModelCard current, double tolerance) {
        return atLeast(diseaseTop1, current.diseaseTop1, tolerance) && atLeast(diseaseTop3, current.diseaseTop3, tolerance)
                && atLeast(medicineTop1, current.medicineTop1, tolerance) && atLeast(medicineTop3, current.medicineTop3, tolerance);
    }

    private static boolean atLeast(double mine, double theirs, double tolerance) {
        return Double.isNaN(theirs) || (!Double.isNaN(mine) && mine >= theirs - tolerance);
    }

    ModelCard withEvaluation(List<String> lines) {
        return new ModelCard(version, created, trainingData, lines, diseaseModel, medicineModel, symptomCases,
                medicineEpisodes, trainingMillis, diseaseTop1, diseaseTop3, medicineTop1, medicineTop3);
    }
}

package org.careledger.recommend.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleConsumer;

/**
 * Trains a {@link Recommender}: the models {@link Evaluation} chose on its inner split
 * ({@link #CHOSEN}), fitted first on the inner split's training patients to calibrate their
 * confidences on its held-out patients, then on all the data given.
 */
public final class Training {

    /**
     * The learners of both tasks, the weight of the disease model's symptom overlap for symptom sets not
     * seen in training (0 for none), and whether the medicine model is history-aware.
     */
    record Choice(Learner diseaseGlobal, Learner diseasePerSymptomSet, double diseaseOverlap, Learner medicine,
                  boolean medicineHistoryAware) {

        Choice(Learner diseaseGlobal, Learner diseasePerSymptomSet, Learner medicine) {
            this(diseaseGlobal, diseasePerSymptomSet, 0, medicine, false);
        }

        String diseaseName() {
            return (diseasePerSymptomSet == null ? diseaseGlobal.name()
                    : diseaseGlobal.name() + "+" + diseasePerSymptomSet.name() + "-per-symptom-set")
                    + (diseaseOverlap > 0 ? String.format(java.util.Locale.ROOT, "+%.2f-symptom-overlap", diseaseOverlap) : "");
        }

        String medicineName() {
            return medicine == null ? "per-condition"
                    : medicine.name() + "-per-condition" + (medicineHistoryAware ? "-history-aware" : "");
        }

        DiseaseModel fitDisease(List<SymptomCase> cases) {
            return DiseaseModel.fit(cases, diseaseGlobal, diseasePerSymptomSet, diseaseOverlap);
        }

        MedicineModel fitMedicine(List<MedicineEpisode> episodes) {
            return MedicineModel.fit(episodes, medicine, medicineHistoryAware);
        }
    }

    /**
     * What {@code recommend evaluate} chose on the inner split of the training patients (see its
     * {@code # inner} lines); it checks and says so when its choice differs from this one.
     */
    static final Choice CHOSEN = new Choice(Learner.randomForest(50, 20), Learner.naiveBayes(), 0.1,
            Learner.randomForest(50, 6), true);

    private static final DateTimeFormatter VERSION_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private Training() {
    }

    /** The bundled Synthea training data (symptom reports and medicine episodes). */
    public static TrainingData bundled() {
        return BundledData.synthea();
    }

    public static Recommender train(TrainingData data, DoubleConsumer progress) {
        return train(data, progress, Clock.systemUTC());
    }

    /** @param progress told 0..1 as training goes on, on the calling thread */
    public static Recommender train(TrainingData data, DoubleConsumer progress, Clock clock) {
        return train(data, CHOSEN, progress, clock);
    }

    static Recommender train(TrainingData data, Choice choice, DoubleConsumer progress, Clock clock) {
        if (data.symptomCases().isEmpty() || data.episodes().isEmpty()) {
            throw new IllegalArgumentException("training needs symptom cases and medicine episodes");
        }
        long start = System.nanoTime();
        progress.accept(0);
        PatientSplit inner = PatientSplit.of(data.patientKeys());
        TrainingData fit = data.of(inner.train(), "inner train");
        TrainingData held = data.of(inner.test(), "inner held-out");
        DiseaseModel disease = choice.fitDisease(fit.symptomCases());
        progress.accept(0.3);
        MedicineModel medicine = choice.fitMedicine(fit.episodes());
        progress.accept(0.4);
        Held diseaseHeld = Held.disease(disease, held);
        Held medicineHeld = Held.medicine(medicine, held);
        progress.accept(0.5);
        disease = choice.fitDisease(data.symptomCases());
        progress.accept(0.85);
        medicine = choice.fitMedicine(data.episodes());
        progress.accept(0.95);
        Recommender.State state = new Recommender.State(disease, diseaseHeld.calibration(), medicine, medicineHeld.calibration(),
                data.conditionNames(), data.medicineNames());
        Instant created = clock.instant();
        String version;
        try {
            version = VERSION_TIME.format(created) + "-" + ModelFiles.shortHash(ModelFiles.encode(state));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        ModelCard card = new ModelCard(version, created, data.description(), List.of(), disease.learner, medicine.learner,
                data.symptomCases().size(), data.episodes().size(), millis, diseaseHeld.top1(), diseaseHeld.top3(),
                medicineHeld.top1(), medicineHeld.top3());
        Recommender recommender = new Recommender(state, card);
        progress.accept(1);
        return recommender;
    }

    /** Raw scores of the top 3 on held-out cases: the calibration's input, and the card's figures. */
    record Held(Calibration calibration, double top1, double top3) {

        static Held disease(DiseaseModel model, TrainingData held) {
            List<List<Scored>> rankings = new ArrayList<>();
            List<String> truths = new ArrayList<>();
            for (SymptomCase c : held.symptomCases()) {
                rankings.add(model.covers(c.report()) ? model.score(c.report()) : List.of());
                truths.add(c.pathology());
            }
            return of(rankings, truths);
        }

        static Held medicine(MedicineModel model, TrainingData held) {
            List<List<Scored>> rankings = new ArrayList<>();
            List<String> truths = new ArrayList<>();
            for (MedicineEpisode e : held.episodes()) {
                rankings.add(model.score(e.query()));
                truths.add(e.rxnorm());
            }
            return of(rankings, truths);
        }

        private static Held of(List<List<Scored>> rankings, List<String> truths) {
            List<Double> scores = new ArrayList<>();
            List<Boolean> hits = new ArrayList<>();
            int top1 = 0;
            int top3 = 0;
            for (int i = 0; i < rankings.size(); i++) {
                List<Scored> ranking = rankings.get(i);
                for (int r = 0; r < Math.min(3, ranking.size()); r++) {
                    boolean hit = ranking.get(r).label().equals(truths.get(i));
                    scores.add(ranking.get(r).score());
                    hits.add(hit);
                    top1 += hit && r == 0 ? 1 : 0;
                    top3 += hit ? 1 : 0;
                }
            }
            double[] s = scores.stream().mapToDouble(Double::doubleValue).toArray();
            boolean[] h = new boolean[hits.size()];
            for (int i = 0; i < h.length; i++) {
                h[i] = hits.get(i);
            }
            int n = Math.max(1, rankings.size());
            return new Held(s.length == 0 ? Calibration.identity() : Calibration.fit(s, h), top1 / (double) n, top3 / (double) n);
        }
    }
}

package org.careledger.recommend.engine;

import java.util.List;
import java.util.Locale;

/**
 * Chooses each task's model on the inner split of the training patients only (never the test
 * patients): every candidate is fitted on the inner training patients and scored on the inner
 * held-out ones. Candidates are listed from the cheapest to the dearest, and a later one is chosen
 * only if its top-1 beats the best so far by more than {@value #MARGIN} (half a point: less is noise
 * on a few hundred held-out cases), or equals it with a better top-3.
 */
final class ModelChoice {

    private ModelChoice() {
    }

    /** @param overlap weight of the symptom overlap for symptom sets not seen in training, 0 for none */
    record Diseases(Learner global, Learner perSymptomSet, double overlap) {
        Diseases(Learner global, Learner perSymptomSet) {
            this(global, perSymptomSet, 0);
        }
    }

    static final List<Diseases> DISEASE_CANDIDATES = List.of(
            new Diseases(Learner.naiveBayes(), null),
            new Diseases(Learner.randomForest(50, 20), null),
            new Diseases(Learner.randomForest(50, 20), Learner.naiveBayes()),
            new Diseases(Learner.randomForest(50, 20), Learner.logisticRegression(0.1, 200)),
            new Diseases(Learner.randomForest(50, 20), Learner.naiveBayes(), 0.1),
            new Diseases(Learner.randomForest(50, 20), Learner.naiveBayes(), 0.2));

    /** learner null is the per-condition frequency baseline itself. */
    record Medicines(Learner learner, boolean historyAware) {
    }

    static final List<Medicines> MEDICINE_CANDIDATES = List.of(
            new Medicines(null, false),
            new Medicines(Learner.naiveBayes(), false),
            new Medicines(Learner.logisticRegression(0.1, 200), false),
            new Medicines(Learner.randomForest(50, 20), false),
            new Medicines(Learner.randomForest(200, 20), false),
            new Medicines(Learner.gradientBoosting(100), false),
            new Medicines(Learner.randomForest(50, 20), true),
            new Medicines(Learner.randomForest(50, 6), true));

    private record Score(int candidate, String name, double top1, double top3) {
    }

    static Training.Choice choose(TrainingData train, List<String> notes) {
        PatientSplit inner = PatientSplit.of(train.patientKeys());
        TrainingData fit = train.of(inner.train(), "inner train");
        TrainingData held = train.of(inner.test(), "inner held-out");
        Score bestDisease = null;
        for (int i = 0; i < DISEASE_CANDIDATES.size(); i++) {
            Diseases d = DISEASE_CANDIDATES.get(i);
            DiseaseModel model = DiseaseModel.fit(fit.symptomCases(), d.global(), d.perSymptomSet(), d.overlap());
            Training.Held h = Training.Held.disease(model, held);
            Score s = note(notes, "disease", new Score(i, model.learner, h.top1(), h.top3()), held.symptomCases().size());
            bestDisease = better(bestDisease, s);
        }
        Score bestMedicine = null;
        for (int i = 0; i < MEDICINE_CANDIDATES.size(); i++) {
            Medicines m = MEDICINE_CANDIDATES.get(i);
            MedicineModel model = MedicineModel.fit(fit.episodes(), m.learner(), m.historyAware());
            Training.Held h = Training.Held.medicine(model, held);
            Score s = note(notes, "medicine", new Score(i, model.learner, h.top1(), h.top3()), held.episodes().size());
            bestMedicine = better(bestMedicine, s);
        }
        Diseases d = DISEASE_CANDIDATES.get(bestDisease.candidate());
        Medicines m = MEDICINE_CANDIDATES.get(bestMedicine.candidate());
        Training.Choice choice = new Training.Choice(d.global(), d.perSymptomSet(), d.overlap(), m.learner(), m.historyAware());
        boolean same = choice.diseaseName().equals(Training.CHOSEN.diseaseName())
                && choice.medicineName().equals(Training.CHOSEN.medicineName());
        notes.add(String.format(Locale.ROOT, "# chosen on the inner split: disease %s, medicine %s (%s)", choice.diseaseName(),
                choice.medicineName(), same ? "as Training.CHOSEN, which trains the shipped model"
                        : "Training.CHOSEN differs: " + Training.CHOSEN.diseaseName() + ", " + Training.CHOSEN.medicineName()));
        return choice;
    }

    private static Score note(List<String> notes, String task, Score s, int n) {
        notes.add(String.format(Locale.ROOT, "# inner %s %s top1=%.3f top3=%.3f n=%d", task, s.name(), s.top1(), s.top3(), n));
        return s;
    }

    static final double MARGIN = 0.005;

    private static Score better(Score best, Score s) {
        if (best == null || s.top1() > best.top1() + MARGIN) {
            return s;
        }
        return s.top1() >= best.top1() - MARGIN && s.top1() >= best.top1() && s.top3() > best.top3() ? s : best;
    }
}

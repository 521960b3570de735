package org.careledger.recommend.engine;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The trained decision support: ranks conditions for a symptom report and medicines for a condition,
 * each with a calibrated confidence and evidence in words. Immutable and safe to share between
 * threads. Made by {@link Training#train}, kept by {@link #save} and {@link #load}.
 */
public final class Recommender {

    private final State state;
    private final ModelCard card;

    /** Everything that is written to the model file. */
    record State(DiseaseModel disease, Calibration diseaseCalibration, MedicineModel medicine,
                 Calibration medicineCalibration, Map<String, String> conditionNames,
                 Map<String, String> medicineNames) implements Serializable {
    }

    Recommender(State state, ModelCard card) {
        this.state = state;
        this.card = card;
        warmUp();
    }

    /** Runs each model once so that lazily built parts exist before other threads see this object. */
    private void warmUp() {
        List<String> symptoms = symptomNames();
        if (!symptoms.isEmpty()) {
            rankConditions(new SymptomReport(40, Sex.FEMALE, Map.of(symptoms.get(0), 50)), 1);
        }
        for (String condition : treatableConditions()) {
            rankMedicines(new MedicineQuery(condition, 40, Sex.FEMALE, Set.of(), Set.of()), 1, rx -> true);
            break;
        }
    }

    /** The symptoms the disease model knows, sorted, named as in the data: the form's pick list. */
    public List<String> symptomNames() {
        return state.disease().symptoms();
    }

    /** The SNOMED codes of the conditions the medicine model has seen treated. */
    public Set<String> treatableConditions() {
        return state.medicine().conditions();
    }

    /** A condition code's name as the training data gives it, or the code itself. */
    public String conditionName(String code) {
        return state.conditionNames().getOrDefault(code, code);
    }

    /** A medicine's name as the training data gives it, or the code itself. */
    public String medicineName(String rxnorm) {
        return state.medicineNames().getOrDefault(rxnorm, rxnorm);
    }

    /**
     * The {@code k} most likely conditions, best first; empty when none of the reported symptoms is
     * known to the model (see {@link #symptomNames()}).
     */
    public List<RankedCondition> rankConditions(SymptomReport report, int k) {
        checkK(k);
        if (!state.disease().covers(report)) {
            return List.of();
        }
        List<RankedCondition> ranked = new ArrayList<>(k);
        for (Scored s : state.disease().score(report)) {
            if (ranked.size() == k) {
                break;
            }
            ranked.add(new RankedCondition(s.label(), state.diseaseCalibration().confidence(s.score()),
                    state.disease().evidence(report, s.label())));
        }
        return List.copyOf(ranked);
    }

    /**
     * The {@code k} best medicines among those given for this condition in training and allowed by
     * {@code allowedRxnorm} (the caller's allergy and interaction rules), best first: the filter is
     * applied before the top {@code k} are taken, so fewer come back only when fewer are allowed.
     * Empty for a condition not in {@link #treatableConditions()}.
     */
    public List<RankedMedicine> rankMedicines(MedicineQuery query, int k, Predicate<String> allowedRxnorm) {
        checkK(k);
        List<RankedMedicine> ranked = new ArrayList<>(k);
        for (Scored s : state.medicine().score(query)) {
            if (ranked.size() == k) {
                break;
            }
            if (allowedRxnorm.test(s.label())) {
                ranked.add(new RankedMedicine(s.label(), medicineName(s.label()),
                        state.medicineCalibration().confidence(s.score()), state.medicine().evidence(query, s.label())));
            }
        }
        return List.copyOf(ranked);
    }

    public ModelCard card() {
        return card;
    }

    /** Writes this model as a new version into {@code dir} and makes it the current one there (see {@link ModelFiles}). */
    public void save(Path dir) throws IOException {
        ModelFiles.save(dir, state, card);
    }

    /** The current version in {@code dir}; a missing, corrupt or foreign file is a {@link ModelFileException}. */
    public static Recommender load(Path dir) throws IOException {
        return ModelFiles.load(dir);
    }

    /**
     * The model shipped in the jar, trained on the bundled data at build time
     * ({@code /recommend/model/} on the class path).
     *
     * @throws IllegalStateException when the jar was built without it (train one in the background instead)
     */
    public static Recommender loadShipped() {
        try {
            return ModelFiles.loadShipped();
        } catch (ModelFileException e) {
            throw new IllegalStateException("no usable shipped model: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    State state() {
        return state;
    }

    private static void checkK(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, was " + k);
        }
    }

    @Override
    public String toString() {
        return "Recommender[" + card.version() + ", " + card.diseaseModel() + ", " + card.medicineModel() + "]";
    }
}

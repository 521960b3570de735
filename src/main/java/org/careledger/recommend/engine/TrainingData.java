package org.careledger.recommend.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the models learn from: symptom cases, medicine episodes, the names of the codes they use and a
 * description for the model card. Immutable; {@link #plus} adds the hospital's own (opted-in) episodes.
 */
public record TrainingData(List<SymptomCase> symptomCases, List<MedicineEpisode> episodes,
                           Map<String, String> conditionNames, Map<String, String> medicineNames, String description) {

    public TrainingData {
        symptomCases = List.copyOf(symptomCases);
        episodes = List.copyOf(episodes);
        conditionNames = Collections.unmodifiableMap(new TreeMap<>(conditionNames));
        medicineNames = Collections.unmodifiableMap(new TreeMap<>(medicineNames));
        Objects.requireNonNull(description, "description");
    }

    /**
     * These data and {@code extra} episodes (their codes' names are looked up here, or shown as the
     * code); the description says what was added.
     */
    public TrainingData plus(List<MedicineEpisode> extra, String extraDescription) {
        List<MedicineEpisode> all = new ArrayList<>(episodes);
        all.addAll(extra);
        return new TrainingData(symptomCases, all, conditionNames, medicineNames,
                description + " + " + extraDescription + " (" + extra.size() + " episodes)");
    }

    /** Only the cases of these patients (the evaluation's train or test part). */
    TrainingData of(java.util.Set<String> patients, String part) {
        return new TrainingData(
                symptomCases.stream().filter(c -> patients.contains(c.patientKey())).toList(),
                episodes.stream().filter(e -> patients.contains(e.patientKey())).toList(),
                conditionNames, medicineNames, description + ", " + part);
    }

    /** Every patient key of both tasks, sorted as strings. */
    List<String> patientKeys() {
        TreeSet<String> keys = new TreeSet<>();
        symptomCases.forEach(c -> keys.add(c.patientKey()));
        episodes.forEach(e -> keys.add(e.patientKey()));
        return List.copyOf(keys);
    }
}

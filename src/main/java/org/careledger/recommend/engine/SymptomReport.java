package org.careledger.recommend.engine;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a patient reports: age, sex and each symptom's severity from 0 to 100 (names as in
 * {@link Recommender#symptomNames()}; a name the model does not know is ignored when ranking).
 */
public record SymptomReport(int ageYears, Sex sex, Map<String, Integer> severities) {

    public static final int MAX_AGE = 130;

    public SymptomReport {
        checkAge(ageYears);
        Objects.requireNonNull(sex, "sex");
        Objects.requireNonNull(severities, "severities");
        TreeMap<String, Integer> copy = new TreeMap<>();
        severities.forEach((name, severity) -> {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("a symptom needs a name");
            }
            if (severity == null || severity < 0 || severity > 100) {
                throw new IllegalArgumentException("severity of " + name + " must be 0..100, was " + severity);
            }
            copy.put(name.trim(), severity);
        });
        severities = java.util.Collections.unmodifiableMap(copy);
    }

    static void checkAge(int ageYears) {
        if (ageYears < 0 || ageYears > MAX_AGE) {
            throw new IllegalArgumentException("age must be 0.." + MAX_AGE + ", was " + ageYears);
        }
    }
}

package org.careledger.recommend.engine;

import java.util.Objects;
import java.util.Set;

/**
 * The medicine model's input: the condition being treated (a SNOMED code, the prescription's
 * indication), age, sex, the patient's other active conditions (SNOMED codes) and medication
 * history (RxNorm codes). Unknown codes are ignored when ranking.
 */
public record MedicineQuery(String conditionCode, int ageYears, Sex sex, Set<String> activeConditions,
                            Set<String> medicationHistory) {

    public MedicineQuery {
        if (conditionCode == null || conditionCode.isBlank()) {
            throw new IllegalArgumentException("a condition code is required");
        }
        conditionCode = conditionCode.trim();
        SymptomReport.checkAge(ageYears);
        Objects.requireNonNull(sex, "sex");
        activeConditions = Set.copyOf(activeConditions == null ? Set.of() : activeConditions);
        medicationHistory = Set.copyOf(medicationHistory == null ? Set.of() : medicationHistory);
    }
}

package org.careledger.recommend.engine;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;

/**
 * One training case of the medicine model: a patient's (medication, reason) pair, dated by its first
 * order, with the age, sex, other active conditions (SNOMED) and earlier medications (RxNorm) at that date.
 */
public record MedicineEpisode(String patientKey, LocalDate firstOrder, int ageYears, Sex sex, String conditionCode,
                              String rxnorm, Set<String> activeConditions, Set<String> medicationHistory) {

    public MedicineEpisode {
        Objects.requireNonNull(patientKey, "patientKey");
        Objects.requireNonNull(firstOrder, "firstOrder");
        SymptomReport.checkAge(ageYears);
        Objects.requireNonNull(sex, "sex");
        Objects.requireNonNull(conditionCode, "conditionCode");
        Objects.requireNonNull(rxnorm, "rxnorm");
        activeConditions = Set.copyOf(activeConditions);
        medicationHistory = Set.copyOf(medicationHistory);
    }

    MedicineQuery query() {
        return new MedicineQuery(conditionCode, ageYears, sex, activeConditions, medicationHistory);
    }
}

package org.careledger.pharmacy;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Decision support for the prescription form, provided by another module (decision support's
 * {@code recommend}) when it is installed; the pharmacy asks it through {@link Prescribing#advise} only,
 * after its own consent check, and decides itself which medicines may not be offered (allergies,
 * withdrawn medicines). Suggestions are never applied: the doctor picks one or ignores them.
 */
public interface MedicineAdvisor {

    /**
     * At most {@code k} medicines for the case, best first, none that {@code allowed} refuses (it is
     * asked before the top {@code k} are taken, so refused ones leave room for the next). The advice
     * is remembered under its id, so that the doctor's choice can be recorded against it.
     */
    Advice advise(Case patientCase, int k, Predicate<String> allowed);

    /**
     * What the suggestions are for, de-identified: the condition treated (SNOMED CT), age, sex if
     * known ("female", "male", or null), the other conditions and the medicines on record.
     */
    record Case(String conditionCode, int ageYears, String sex, Set<String> otherConditions, Set<String> medicationHistory) {
        public Case {
            otherConditions = Set.copyOf(otherConditions);
            medicationHistory = Set.copyOf(medicationHistory);
        }
    }

    /**
     * @param adviceId     the id a choice is recorded under ({@link PrescribedWithAdvice})
     * @param suggestions  best first
     * @param modelVersion the model that ranked them
     * @param note         why there are none ("the model does not know this condition"), or null
     */
    record Advice(String adviceId, List<Suggestion> suggestions, String modelVersion, String note) {
        public Advice {
            suggestions = List.copyOf(suggestions);
        }
    }

    /**
     * @param confidence calibrated: the share of such suggestions that turned out to be the medicine prescribed
     * @param evidence   in words: "prescribed in 82 % of 1,204 similar episodes: same condition, age 50–64"
     */
    record Suggestion(String rxnorm, String name, double confidence, String evidence) {
    }
}

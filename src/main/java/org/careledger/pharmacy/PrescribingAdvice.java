package org.careledger.pharmacy;

import java.util.List;

/**
 * What the prescription form shows a doctor as decision support: the suggested medicines, and the
 * ones left out with the reason ("Amoxicillin 250 MG Oral Capsule contains amoxicillin, a penicillin;
 * the record holds an allergy to Penicillin V").
 *
 * @param adviceId null when there are no suggestions to choose from
 * @param note     why there are no suggestions, or null
 */
public record PrescribingAdvice(String adviceId, List<MedicineAdvisor.Suggestion> suggestions, List<String> leftOut, String modelVersion,
                                String note) {

    public PrescribingAdvice {
        suggestions = List.copyOf(suggestions);
        leftOut = List.copyOf(leftOut);
    }

    static PrescribingAdvice none(String note) {
        return new PrescribingAdvice(null, List.of(), List.of(), null, note);
    }
}

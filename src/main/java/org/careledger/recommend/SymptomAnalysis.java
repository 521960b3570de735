package org.careledger.recommend;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.careledger.records.EntryId;

/**
 * One symptom report of a patient's record and the conditions the model ranks for it, best first.
 *
 * @param sex        as reported, or null: the ranking then weighs both equally
 * @param conditions at most five, each with a calibrated confidence and its evidence in words
 */
public record SymptomAnalysis(EntryId entryId, LocalDate reportedOn, int ageYears, String sex, Map<String, Integer> severities,
                              List<Condition> conditions, String modelVersion) {

    public SymptomAnalysis {
        severities = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(severities));
        conditions = List.copyOf(conditions);
    }

    /** A likely condition: its name as the data names it, the model's calibrated confidence, and why. */
    public record Condition(String name, double confidence, String evidence) {
    }
}

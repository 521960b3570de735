package org.careledger.recommend;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.annotation.security.RolesAllowed;

import org.careledger.common.InvalidInputException;
import org.careledger.contracts.RecordCategory;
import org.careledger.identity.AppRoles;
import org.careledger.recommend.internal.CurrentModel;
import org.careledger.records.PatientRecords;
import org.careledger.records.RecordEntryView;
import org.careledger.records.SymptomReportText;
import org.springframework.stereotype.Service;

/**
 * The patient's side of disease analysis: reporting symptoms, each from the pick list the model knows
 * with a severity from 0 to 100, as a SYMPTOM_REPORT entry of their own record. Like any entry it is
 * sealed, anchored with the patient's signature, and read by a doctor only under a grant covering
 * SYMPTOM_REPORT (or an emergency).
 */
@Service
@RolesAllowed(AppRoles.PATIENT)
public class SymptomReporting {

    private final CurrentModel model;
    private final PatientRecords records;

    SymptomReporting(CurrentModel model, PatientRecords records) {
        this.model = model;
        this.records = records;
    }

    /** The symptoms a report may name, sorted. */
    public List<String> symptomNames() {
        return model.get().symptomNames();
    }

    /**
     * Adds the report to the signed-in patient's record.
     *
     * @param sex        "female", "male", or null if the patient prefers not to say
     * @param severities symptom to severity (0–100), each symptom from {@link #symptomNames()}
     * @throws InvalidInputException naming the field ("symptoms", "sex") and what is wrong
     */
    public RecordEntryView report(String sex, Map<String, Integer> severities) {
        if (severities != null) {
            Set<String> known = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
            known.addAll(symptomNames());
            List<String> unknown = severities.keySet().stream().filter(n -> n == null || !known.contains(n.strip())).toList();
            if (!unknown.isEmpty()) {
                throw InvalidInputException.of("symptoms", "Choose symptoms from the list (not in it: " + String.join(", ", unknown) + ")");
            }
        }
        SymptomReportText report = new SymptomReportText(sex, severities == null ? Map.of() : new LinkedHashMap<>(severities));
        return records.addSelfReported(RecordCategory.SYMPTOM_REPORT, report.toContent());
    }

    /** The signed-in patient's symptom reports, newest first. */
    public List<RecordEntryView> myReports() {
        return records.myRecord().stream().filter(e -> e.category() == RecordCategory.SYMPTOM_REPORT && e.content() != null).toList();
    }
}

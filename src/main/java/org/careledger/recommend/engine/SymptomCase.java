package org.careledger.recommend.engine;

import java.util.Objects;

/** One training case of the disease model: a patient's symptom report and the condition it belonged to. */
public record SymptomCase(String patientKey, SymptomReport report, String pathology) {

    public SymptomCase {
        Objects.requireNonNull(patientKey, "patientKey");
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(pathology, "pathology");
    }
}

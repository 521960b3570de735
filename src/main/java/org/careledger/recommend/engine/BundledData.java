package org.careledger.recommend.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Reads the data bundled under {@code /recommend/data/} (see its NOTICE.md and {@code PrepareRecommendData}). */
final class BundledData {

    static final String DIR = "/recommend/data/";
    static final String SYNTHEA_DESCRIPTION = "Synthea (MITRE) synthetic Massachusetts patients, 1,189 patients, "
            + "bundled extract of 2025-11-24 (symptom reports and medicine episodes)";

    private BundledData() {
    }

    static TrainingData synthea() {
        List<SymptomCase> cases = new ArrayList<>();
        for (List<String> r : Csv.readResource(DIR + "synthea-symptoms.csv.gz")) {
            Map<String, Integer> severities = SymptomTokens.parseStored(r.get(4));
            if (!severities.isEmpty()) {
                cases.add(new SymptomCase(r.get(0), new SymptomReport(age(r.get(1)), Sex.parse(r.get(2)), severities), r.get(3)));
            }
        }
        List<MedicineEpisode> episodes = new ArrayList<>();
        for (List<String> r : Csv.readResource(DIR + "synthea-episodes.csv.gz")) {
            episodes.add(new MedicineEpisode(r.get(0), LocalDate.parse(r.get(1)), age(r.get(2)), Sex.parse(r.get(3)),
                    r.get(4), r.get(5), Set.copyOf(Csv.list(r.get(6))), Set.copyOf(Csv.list(r.get(7)))));
        }
        Map<String, String> conditions = new TreeMap<>();
        Map<String, String> medicines = new TreeMap<>();
        for (List<String> r : Csv.readResource(DIR + "synthea-names.csv.gz")) {
            (r.get(0).equals("condition") ? conditions : medicines).put(r.get(1), r.get(2));
        }
        return new TrainingData(cases, episodes, conditions, medicines, SYNTHEA_DESCRIPTION);
    }

    /** One MIMIC-III demo admission: its primary ICD-9 diagnosis and the MAIN drugs given. */
    record Admission(String subject, String admission, int ageYears, Sex sex, String icd9, String title, Set<String> drugs) {
    }

    static List<Admission> mimic() {
        List<Admission> admissions = new ArrayList<>();
        for (List<String> r : Csv.readResource(DIR + "mimic-admissions.csv.gz")) {
            admissions.add(new Admission(r.get(0), r.get(1), age(r.get(2)), Sex.parse(r.get(3)), r.get(4), r.get(5),
                    Set.copyOf(new HashSet<>(Csv.list(r.get(6))))));
        }
        return admissions;
    }

    private static int age(String field) {
        return Math.max(0, Math.min(SymptomReport.MAX_AGE, Integer.parseInt(field.trim())));
    }
}

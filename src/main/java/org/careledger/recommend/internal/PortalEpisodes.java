package org.careledger.recommend.internal;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.careledger.contracts.RecordCategory;
import org.careledger.records.CodedExtracts.CodedEntry;
import org.careledger.records.EntryRules;
import org.careledger.records.SymptomReportText;
import org.careledger.recommend.engine.MedicineEpisode;
import org.careledger.recommend.engine.Sex;

/**
 * Medicine episodes from the coded records of patients who opted in, as the bundled data's episodes
 * are made: one per (patient, medicine, condition), dated by its first prescription, with the age
 * then, the other diagnoses on record by that date and the medicines before it. Only prescriptions
 * written in the portal carry their indication as a code ("Indication: SNOMED-CT 59621000 ..."), so
 * only they make episodes. The model needs the patient's sex, which registration does not ask: it is
 * taken from the patient's symptom reports, and a patient who never gave it adds no episode.
 */
public final class PortalEpisodes {

    private static final Pattern INDICATION = Pattern.compile("(?m)^Indication: " + Pattern.quote(EntryRules.SNOMED) + " ([1-9][0-9]{5,17}) ");

    private PortalEpisodes() {
    }

    /**
     * @param entries    the coded entries of opted-in patients, oldest first per patient
     * @param birthDates each patient's date of birth
     */
    public static List<MedicineEpisode> of(List<CodedEntry> entries, Map<Long, LocalDate> birthDates) {
        Map<Long, List<CodedEntry>> byPatient = new LinkedHashMap<>();
        entries.forEach(e -> byPatient.computeIfAbsent(e.patientId(), x -> new ArrayList<>()).add(e));
        List<MedicineEpisode> out = new ArrayList<>();
        int key = 0;
        for (Map.Entry<Long, List<CodedEntry>> patient : byPatient.entrySet()) {
            Sex sex = sexOf(patient.getValue());
            LocalDate birth = birthDates.get(patient.getKey());
            if (sex == null || birth == null) {
                continue;
            }
            String patientKey = "portal-" + key++;
            Set<String> seen = new TreeSet<>();
            for (CodedEntry e : patient.getValue()) {
                if (e.category() != RecordCategory.MEDICATION || !EntryRules.RXNORM.equals(e.codeSystem()) || e.code() == null
                        || e.text() == null || e.date() == null) {
                    continue;
                }
                Matcher m = INDICATION.matcher(e.text());
                if (!m.find() || !seen.add(e.code() + "|" + m.group(1))) {
                    continue;
                }
                int age = Math.max(0, Math.min(130, Period.between(birth, e.date()).getYears()));
                out.add(new MedicineEpisode(patientKey, e.date(), age, sex, m.group(1), e.code(),
                        codesBefore(patient.getValue(), RecordCategory.DIAGNOSIS, e.date(), m.group(1), true),
                        codesBefore(patient.getValue(), RecordCategory.MEDICATION, e.date(), e.code(), false)));
            }
        }
        return out;
    }

    private static Set<String> codesBefore(Collection<CodedEntry> entries, RecordCategory category, LocalDate date, String except,
                                           boolean sameDayCounts) {
        Set<String> out = new TreeSet<>();
        for (CodedEntry e : entries) {
            if (e.category() == category && e.code() != null && e.date() != null
                    && (e.date().isBefore(date) || sameDayCounts && e.date().isEqual(date)) && !e.code().equals(except)) {
                out.add(e.code());
            }
        }
        return out;
    }

    private static Sex sexOf(List<CodedEntry> entries) {
        Sex sex = null;
        for (CodedEntry e : entries) {
            if (e.category() == RecordCategory.SYMPTOM_REPORT) {
                String s = SymptomReportText.parse(e.text()).map(SymptomReportText::sex).orElse(null);
                if (s != null) {
                    sex = s.equals("female") ? Sex.FEMALE : Sex.MALE;
                }
            }
        }
        return sex;
    }
}

package org.careledger.recommend.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Writes the recommender's bundled data, {@code src/main/resources/recommend/data/}, from the shared
 * copies of Synthea (synthea-ma-1000) and the MIMIC-III demo 1.4: only the columns the models use,
 * as gzip CSV. Reproducible: the same inputs give byte-identical rows (gzip headers carry no time).
 * Run from the project directory:
 * <pre>
 * ./mvnw -o -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp-test.txt -Dmdep.includeScope=test
 * java -cp target/test-classes:target/classes:$(cat target/cp-test.txt) \
 *     org.careledger.recommend.engine.PrepareRecommendData ../shared/data src/main/resources/recommend/data
 * </pre>
 * Files written:
 * <ul>
 * <li>{@code synthea-symptoms.csv.gz}: patient, age, sex, pathology, symptoms ({@code name:severity|…});
 *     rows with at least one symptom only; age is AGE_BEGIN.</li>
 * <li>{@code synthea-episodes.csv.gz}: patient, first_order, age, sex, condition, rxnorm, active, history.
 *     One row per (patient, medication, reason) dated by its first order; {@code active} are the
 *     patient's other conditions active that day (START ≤ day &lt; STOP), disorders only (SNOMED's
 *     "(disorder)" tag: the social findings say nothing about medicines); {@code history} are the
 *     medications first ordered before that moment.</li>
 * <li>{@code synthea-names.csv.gz}: kind (condition/medicine), code, name, for the codes used.</li>
 * <li>{@code mimic-admissions.csv.gz}: subject, admission, age (capped at 90), sex, primary ICD-9,
 *     its short title, the MAIN drug names given ({@code |}-separated, sorted); admissions with a
 *     primary diagnosis and at least one MAIN drug.</li>
 * </ul>
 */
public final class PrepareRecommendData {

    private PrepareRecommendData() {
    }

    public static void main(String[] args) throws IOException {
        Path shared = Path.of(args.length > 0 ? args[0] : "../shared/data");
        Path out = Path.of(args.length > 1 ? args[1] : "src/main/resources/recommend/data");
        Files.createDirectories(out);
        Path synthea = shared.resolve("synthea-ma-1000");
        Map<String, String[]> patients = patients(synthea.resolve("patients.csv"));
        writeSymptoms(synthea, out, patients);
        writeEpisodes(synthea, out, patients);
        writeMimic(shared.resolve("mimic-iii-demo-1.4"), out);
    }

    /** Id → {birth date, sex}. */
    private static Map<String, String[]> patients(Path file) throws IOException {
        Map<String, String[]> patients = new HashMap<>();
        for (CSVRecord r : records(file)) {
            patients.put(r.get("Id"), new String[] {r.get("BIRTHDATE"), r.get("GENDER")});
        }
        return patients;
    }

    private static void writeSymptoms(Path synthea, Path out, Map<String, String[]> patients) throws IOException {
        List<String> lines = new ArrayList<>();
        for (CSVRecord r : records(synthea.resolve("symptoms.csv.gz"))) {
            Map<String, Integer> severities = SymptomTokens.parse(r.get("SYMPTOMS"));
            if (severities.isEmpty()) {
                continue;
            }
            lines.add(Csv.line(r.get("PATIENT"), r.get("AGE_BEGIN"), r.get("GENDER"), r.get("PATHOLOGY"),
                    SymptomTokens.format(severities)));
        }
        write(out.resolve("synthea-symptoms.csv.gz"), "patient,age,sex,pathology,symptoms", lines);
    }

    private record Condition(LocalDate start, LocalDate stop, String code) {
    }

    private static void writeEpisodes(Path synthea, Path out, Map<String, String[]> patients) throws IOException {
        Map<String, List<Condition>> conditions = new HashMap<>();
        Map<String, String> conditionNames = new HashMap<>();
        Set<String> disorders = new TreeSet<>();
        for (CSVRecord r : records(synthea.resolve("conditions.csv.gz"))) {
            String stop = r.get("STOP");
            conditions.computeIfAbsent(r.get("PATIENT"), k -> new ArrayList<>()).add(new Condition(
                    LocalDate.parse(r.get("START")), stop.isEmpty() ? null : LocalDate.parse(stop), r.get("CODE")));
            conditionNames.putIfAbsent(r.get("CODE"), r.get("DESCRIPTION"));
            if (r.get("DESCRIPTION").endsWith("(disorder)")) {
                disorders.add(r.get("CODE"));
            }
        }
        // first order of each (patient, medication) and of each (patient, medication, reason)
        Map<String, Map<String, LocalDateTime>> firstOfMedicine = new HashMap<>();
        Map<List<String>, LocalDateTime> firstOfEpisode = new TreeMap<>((a, b) -> String.join(",", a).compareTo(String.join(",", b)));
        Map<String, String> medicineNames = new HashMap<>();
        for (CSVRecord r : records(synthea.resolve("medications.csv.gz"))) {
            LocalDateTime start = LocalDateTime.parse(r.get("START").replace("Z", ""));
            String patient = r.get("PATIENT");
            String code = r.get("CODE");
            firstOfMedicine.computeIfAbsent(patient, k -> new HashMap<>()).merge(code, start, (a, b) -> a.isBefore(b) ? a : b);
            medicineNames.putIfAbsent(code, r.get("DESCRIPTION"));
            String reason = r.get("REASONCODE");
            if (!reason.isEmpty()) {
                conditionNames.putIfAbsent(reason, r.get("REASONDESCRIPTION"));
                firstOfEpisode.merge(List.of(patient, code, reason), start, (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        List<String> lines = new ArrayList<>();
        Set<String> usedConditions = new TreeSet<>();
        Set<String> usedMedicines = new TreeSet<>();
        firstOfEpisode.forEach((key, start) -> {
            String patient = key.get(0);
            String[] p = patients.get(patient);
            LocalDate day = start.toLocalDate();
            int age = Period.between(LocalDate.parse(p[0]), day).getYears();
            Set<String> active = new TreeSet<>();
            for (Condition c : conditions.getOrDefault(patient, List.of())) {
                if (!c.start.isAfter(day) && (c.stop == null || c.stop.isAfter(day)) && disorders.contains(c.code)
                        && !c.code.equals(key.get(2))) {
                    active.add(c.code);
                }
            }
            Set<String> history = new TreeSet<>();
            firstOfMedicine.get(patient).forEach((code, first) -> {
                if (first.isBefore(start) && !code.equals(key.get(1))) {
                    history.add(code);
                }
            });
            usedConditions.add(key.get(2));
            usedConditions.addAll(active);
            usedMedicines.add(key.get(1));
            usedMedicines.addAll(history);
            lines.add(Csv.line(patient, day, age, p[1], key.get(2), key.get(1), String.join("|", active), String.join("|", history)));
        });
        write(out.resolve("synthea-episodes.csv.gz"), "patient,first_order,age,sex,condition,rxnorm,active,history", lines);
        List<String> names = new ArrayList<>();
        usedConditions.forEach(c -> names.add(Csv.line("condition", c, conditionNames.getOrDefault(c, c))));
        usedMedicines.forEach(m -> names.add(Csv.line("medicine", m, medicineNames.getOrDefault(m, m))));
        write(out.resolve("synthea-names.csv.gz"), "kind,code,name", names);
    }

    private static void writeMimic(Path mimic, Path out) throws IOException {
        Map<String, String[]> patients = new HashMap<>();
        for (CSVRecord r : records(mimic.resolve("PATIENTS.csv"))) {
            patients.put(r.get("subject_id"), new String[] {r.get("dob"), r.get("gender")});
        }
        Map<String, String> titles = new HashMap<>();
        for (CSVRecord r : records(mimic.resolve("D_ICD_DIAGNOSES.csv"))) {
            titles.put(r.get("icd9_code"), r.get("short_title"));
        }
        Map<String, String> primary = new HashMap<>();
        for (CSVRecord r : records(mimic.resolve("DIAGNOSES_ICD.csv"))) {
            if (r.get("seq_num").equals("1")) {
                primary.put(r.get("hadm_id"), r.get("icd9_code"));
            }
        }
        Map<String, Set<String>> drugs = new HashMap<>();
        for (CSVRecord r : records(mimic.resolve("PRESCRIPTIONS.csv"))) {
            String drug = r.get("drug").trim().replace('|', '/');
            if (r.get("drug_type").equals("MAIN") && !drug.isEmpty()) {
                drugs.computeIfAbsent(r.get("hadm_id"), k -> new TreeSet<>()).add(drug);
            }
        }
        List<String> lines = new ArrayList<>();
        for (CSVRecord r : records(mimic.resolve("ADMISSIONS.csv"))) {
            String admission = r.get("hadm_id");
            if (!primary.containsKey(admission) || !drugs.containsKey(admission)) {
                continue;
            }
            String[] p = patients.get(r.get("subject_id"));
            LocalDate dob = LocalDate.parse(p[0].substring(0, 10));
            LocalDate admitted = LocalDate.parse(r.get("admittime").substring(0, 10));
            int age = Math.min(90, Period.between(dob, admitted).getYears());
            String code = primary.get(admission);
            lines.add(Csv.line(r.get("subject_id"), admission, age, p[1], code, titles.getOrDefault(code, code),
                    String.join("|", drugs.get(admission))));
        }
        lines.sort(null);
        write(out.resolve("mimic-admissions.csv.gz"), "subject,admission,age,sex,icd9,title,drugs", lines);
    }

    private static Iterable<CSVRecord> records(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        if (file.toString().endsWith(".gz")) {
            in = new GZIPInputStream(in);
        }
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build().parse(reader).getRecords();
    }

    private static void write(Path file, String header, List<String> lines) throws IOException {
        try (Writer w = new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(file)), StandardCharsets.UTF_8)) {
            w.write(header + "\n");
            for (String line : lines) {
                w.write(line + "\n");
            }
        }
        System.out.printf("%s: %,d rows, %,d bytes%n", file, lines.size(), Files.size(file));
    }
}

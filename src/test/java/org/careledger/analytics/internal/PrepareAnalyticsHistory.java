package org.careledger.analytics.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.careledger.analytics.cube.CellRef;

/**
 * Writes the analytics' synthetic history, {@code src/main/resources/analytics/synthea-history.csv.gz},
 * from the shared copy of Synthea (synthea-ma-1000): the cells of each figure, already counted (events
 * and distinct patients per cell, at every calendar level and key total), the top keys with their names, and
 * each patient's birth date, sex and death date (for the age bands, counted at run time). No patient
 * id leaves this tool. Reproducible: the same input gives the same bytes. Run from the project directory:
 * <pre>
 * ./mvnw -o -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp-test.txt -Dmdep.includeScope=test
 * java -cp target/test-classes:target/classes:$(cat target/cp-test.txt) \
 *     org.careledger.analytics.internal.PrepareAnalyticsHistory ../shared/data/synthea-ma-1000 src/main/resources/analytics
 * </pre>
 * Lines: {@code key,figure,part,code,name}; {@code cell,figure,key parts (|),level,bucket start,scope,events,patients};
 * {@code patient,birth date,sex,death date or empty}. Figures: {@code diagnoses} (a condition: SNOMED CT
 * disorders, the 10 with the most patients by name, the rest {@code OTHER}), {@code prescriptions}
 * (state, medicine: each Synthea medication order is issued, and dispensed the same day when it was
 * dispensed at all; the 10 medicines with the most patients, the rest {@code OTHER}; only issued ones by
 * medicine, see {@link HistoryCells#prescriptionKey}). Dates from
 * {@link #FROM} on.
 */
public final class PrepareAnalyticsHistory {

    static final LocalDate FROM = LocalDate.of(2016, 1, 1);
    static final String SCOPE = HistoryCells.SCOPE;
    static final int TOP = 10;

    private PrepareAnalyticsHistory() {
    }

    record Fact(String figure, List<String> key, LocalDate day, String patient) {
    }

    public static void main(String[] args) throws IOException {
        Path in = Path.of(args.length > 0 ? args[0] : "../shared/data/synthea-ma-1000");
        Path out = Path.of(args.length > 1 ? args[1] : "src/main/resources/analytics");
        List<String[]> conditions = csv(in.resolve("conditions.csv.gz"));
        List<String[]> medications = csv(in.resolve("medications.csv.gz"));
        List<String[]> patients = csv(in.resolve("patients.csv"));

        Map<String, String> conditionNames = new TreeMap<>();
        Map<String, Set<String>> conditionPatients = new HashMap<>();
        for (String[] c : conditions) { // START,STOP,PATIENT,ENCOUNTER,SYSTEM,CODE,DESCRIPTION
            if (c[6].endsWith("(disorder)") && !LocalDate.parse(c[0]).isBefore(FROM)) {
                conditionNames.putIfAbsent(c[5], c[6].replace(" (disorder)", ""));
                conditionPatients.computeIfAbsent(c[5], k -> new HashSet<>()).add(c[2]);
            }
        }
        Set<String> topConditions = top(conditionPatients);
        Map<String, String> medicineNames = new TreeMap<>();
        Map<String, Set<String>> medicinePatients = new HashMap<>();
        for (String[] m : medications) { // START,STOP,PATIENT,PAYER,ENCOUNTER,CODE,DESCRIPTION,BASE_COST,PAYER_COVERAGE,DISPENSES,...
            if (!LocalDate.parse(m[0].substring(0, 10)).isBefore(FROM)) {
                medicineNames.putIfAbsent(m[5], m[6]);
                medicinePatients.computeIfAbsent(m[5], k -> new HashSet<>()).add(m[2]);
            }
        }
        Set<String> topMedicines = top(medicinePatients);

        List<Fact> facts = new ArrayList<>();
        for (String[] c : conditions) {
            LocalDate day = LocalDate.parse(c[0]);
            if (c[6].endsWith("(disorder)") && !day.isBefore(FROM)) {
                facts.add(new Fact(HistoryCells.DIAGNOSES, List.of(topConditions.contains(c[5]) ? c[5] : HistoryCells.OTHER), day, c[2]));
            }
        }
        for (String[] m : medications) {
            LocalDate day = LocalDate.parse(m[0].substring(0, 10));
            if (day.isBefore(FROM)) {
                continue;
            }
            String medicine = topMedicines.contains(m[5]) ? m[5] : HistoryCells.OTHER;
            facts.add(new Fact(HistoryCells.PRESCRIPTIONS, HistoryCells.prescriptionKey(HistoryCells.ISSUED, medicine), day, m[2]));
            if (Integer.parseInt(m[9]) > 0) {
                facts.add(new Fact(HistoryCells.PRESCRIPTIONS, HistoryCells.prescriptionKey("dispensed", medicine), day, m[2]));
            }
        }
        Map<String, Map<CellRef, long[]>> events = new TreeMap<>();
        Map<String, Map<CellRef, Set<String>>> distinct = new HashMap<>();
        for (Fact f : facts) {
            for (CellRef c : CellRef.countedIn(f.key(), f.day(), SCOPE, true)) {
                events.computeIfAbsent(f.figure(), k -> new HashMap<>()).computeIfAbsent(c, k -> new long[1])[0]++;
                distinct.computeIfAbsent(f.figure(), k -> new HashMap<>()).computeIfAbsent(c, k -> new HashSet<>()).add(f.patient());
            }
        }
        Files.createDirectories(out);
        try (OutputStream file = Files.newOutputStream(out.resolve("synthea-history.csv.gz"));
             Writer w = new OutputStreamWriter(new GZIPOutputStream(file), StandardCharsets.UTF_8)) {
            w.write("# CareLedger analytics: synthetic history from Synthea (MITRE), synthea-ma-1000; see NOTICE.md\n");
            for (String code : topConditions) {
                w.write("key," + HistoryCells.DIAGNOSES + ",0," + code + "," + conditionNames.get(code).replace(",", ";") + "\n");
            }
            w.write("key,prescriptions,0,issued,Issued\nkey,prescriptions,0,dispensed,Dispensed\n"
                    + "key,prescriptions,0,expired,Expired\nkey,prescriptions,0,cancelled,Cancelled\n");
            for (String code : topMedicines) {
                w.write("key," + HistoryCells.PRESCRIPTIONS + ",1," + code + "," + medicineNames.get(code).replace(",", ";") + "\n");
            }
            for (Map.Entry<String, Map<CellRef, long[]>> figure : events.entrySet()) {
                for (CellRef c : new TreeMap<>(figure.getValue()).keySet()) {
                    w.write("cell," + figure.getKey() + "," + String.join("|", c.key()) + "," + c.bucket().level() + ","
                            + c.bucket().start() + "," + c.scope() + "," + figure.getValue().get(c)[0] + ","
                            + distinct.get(figure.getKey()).get(c).size() + "\n");
                }
            }
            List<String[]> sorted = new ArrayList<>(patients);
            sorted.sort(Comparator.comparing((String[] p) -> p[1]).thenComparing(p -> p[15]).thenComparing(p -> p[2]));
            for (String[] p : sorted) { // Id,BIRTHDATE,DEATHDATE,...,GENDER(15)
                w.write("patient," + p[1] + "," + p[15] + "," + p[2] + "\n");
            }
        }
        System.out.println("facts " + facts.size() + ", cells " + events.values().stream().mapToInt(Map::size).sum());
    }

    private static Set<String> top(Map<String, Set<String>> patientsByCode) {
        Set<String> top = new java.util.TreeSet<>();
        patientsByCode.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, Set<String>> e) -> -e.getValue().size()).thenComparing(Map.Entry::getKey))
                .limit(TOP).forEach(e -> top.add(e.getKey()));
        return top;
    }

    private static List<String[]> csv(Path file) throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            r.readLine();
            for (String line; (line = r.readLine()) != null; ) {
                rows.add(split(line));
            }
        }
        return rows;
    }

    /** A CSV line with double-quoted fields that may hold commas. */
    static String[] split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (ch == '"') {
                quoted = !quoted;
            } else if (ch == ',' && !quoted) {
                out.add(field.toString());
                field.setLength(0);
            } else {
                field.append(ch);
            }
        }
        out.add(field.toString());
        return out.toArray(String[]::new);
    }
}

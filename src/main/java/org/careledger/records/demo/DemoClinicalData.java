package org.careledger.records.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The synthetic patients the demo install is seeded with, read from the CSV files beside this class
 * (see NOTICE.md there for their Synthea origin and scripts/extract-demo-patients for how they were
 * made). Plain Java, so a seeder or a test can use it without Spring.
 */
public final class DemoClinicalData {

    private DemoClinicalData() {
    }

    /**
     * All demo patients with their conditions, medications and allergies, in source-Id order.
     *
     * @throws IllegalStateException if the bundled files are missing or inconsistent
     */
    public static List<DemoPatient> load() {
        Map<String, List<DemoCondition>> conditions = byPatient("conditions.csv", row -> new DemoCondition(
                date(row.get("START")), date(row.get("STOP")), row.get("SYSTEM"), row.get("CODE"),
                row.get("DESCRIPTION")));
        Map<String, List<DemoMedication>> medications = byPatient("medications.csv", row -> new DemoMedication(
                date(row.get("START")), date(row.get("STOP")), row.get("CODE"), row.get("DESCRIPTION"),
                orNull(row.get("REASONCODE")), orNull(row.get("REASONDESCRIPTION"))));
        Map<String, List<DemoAllergy>> allergies = byPatient("allergies.csv", row -> new DemoAllergy(
                date(row.get("START")), row.get("SYSTEM"), row.get("CODE"), row.get("DESCRIPTION"),
                row.get("CATEGORY"), orNull(row.get("REACTION")), orNull(row.get("SEVERITY"))));

        List<DemoPatient> patients = new ArrayList<>();
        for (Map<String, String> row : read("patients.csv")) {
            String id = row.get("ID");
            patients.add(new DemoPatient(id, row.get("FIRST"), row.get("LAST"), date(row.get("BIRTHDATE")),
                    row.get("GENDER"), row.get("CITY"), orEmpty(conditions.remove(id)),
                    orEmpty(medications.remove(id)), orEmpty(allergies.remove(id))));
        }
        checkAllClaimed(conditions, medications, allergies);
        return List.copyOf(patients);
    }

    private static <T> Map<String, List<T>> byPatient(String file, Function<Map<String, String>, T> parse) {
        Map<String, List<T>> byPatient = new LinkedHashMap<>();
        for (Map<String, String> row : read(file)) {
            byPatient.computeIfAbsent(row.get("PATIENT"), id -> new ArrayList<>()).add(parse.apply(row));
        }
        return byPatient;
    }

    private static List<Map<String, String>> read(String file) {
        InputStream in = DemoClinicalData.class.getResourceAsStream(file);
        if (in == null) {
            throw new IllegalStateException("Demo data file " + file + " is missing from the classpath");
        }
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return Csv.rows(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Demo data file " + file + " could not be read", e);
        }
    }

    /** Every condition, medication and allergy row belongs to a listed patient. */
    private static void checkAllClaimed(Map<?, ?>... leftovers) {
        for (Map<?, ?> left : leftovers) {
            if (!left.isEmpty()) {
                throw new IllegalStateException("Demo data names patients not in patients.csv: " + left.keySet());
            }
        }
    }

    private static LocalDate date(String text) {
        return text.isEmpty() ? null : LocalDate.parse(text);
    }

    private static String orNull(String text) {
        return text.isEmpty() ? null : text;
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}

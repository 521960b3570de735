package org.careledger.analytics.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.careledger.analytics.cube.Bucket;
import org.careledger.analytics.cube.CellRef;
import org.careledger.analytics.cube.Counts;
import org.careledger.analytics.cube.Level;

/**
 * The demo's synthetic history, as the bundled file {@code analytics/synthea-history.csv.gz} has it
 * (written by {@code PrepareAnalyticsHistory}): each figure's cells already counted, in the scope
 * {@link #SCOPE} and in all scopes; the figures' top keys and names; the synthetic patients' birth
 * dates and sexes. Synthea's patients are not the portal's, so their cells add to the portal's own
 * (distinct patients too). Read once, on first use; no account is made from it.
 */
public final class HistoryCells {

    public static final String DIAGNOSES = "diagnoses";
    public static final String PRESCRIPTIONS = "prescriptions";
    /** The key of everything outside a figure's top keys. */
    public static final String OTHER = "OTHER";
    /** The state of a prescription counted by medicine; the other states are counted under {@link #ANY_MEDICINE}. */
    public static final String ISSUED = "issued";
    /**
     * The medicine part of a prescription's key in a state other than issued. Only issued prescriptions
     * are charted by medicine, so the others are not counted by medicine at all: a cube of a state by
     * medicine that no chart shows would only make suppression's work larger, and would still have to be
     * protected as if it were shown.
     */
    public static final String ANY_MEDICINE = "-";

    /**
     * The key a prescription event is counted under: (issued, medicine), or (state, {@link #ANY_MEDICINE}).
     * The portal's own dispensings are counted by pharmacy instead ({@code FactSources}); the synthetic
     * history's have none.
     */
    public static List<String> prescriptionKey(String state, String medicine) {
        return List.of(state, state.equals(ISSUED) ? medicine : ANY_MEDICINE);
    }

    /** The scope the history is counted in, beside all scopes. */
    public static final String SCOPE = "synthea";
    static final String RESOURCE = "/analytics/synthea-history.csv.gz";

    /** A synthetic patient, for the age and sex figure. */
    public record Patient(LocalDate born, String sex, LocalDate died) {
    }

    private final Map<String, Map<CellRef, Counts>> cells;
    private final Map<String, List<Map<String, String>>> keys;
    private final List<Patient> patients;

    private HistoryCells(Map<String, Map<CellRef, Counts>> cells, Map<String, List<Map<String, String>>> keys, List<Patient> patients) {
        this.cells = cells;
        this.keys = keys;
        this.patients = patients;
    }

    /** The bundled history; an empty one where the file is absent (a build without the demo data). */
    public static HistoryCells bundled() {
        try (InputStream raw = HistoryCells.class.getResourceAsStream(RESOURCE)) {
            if (raw == null) {
                return new HistoryCells(Map.of(), Map.of(), List.of());
            }
            return read(new GZIPInputStream(raw));
        } catch (IOException e) {
            throw new UncheckedIOException("the bundled analytics history cannot be read", e);
        }
    }

    static HistoryCells read(InputStream in) throws IOException {
        Map<String, Map<CellRef, Counts>> cells = new HashMap<>();
        Map<String, List<Map<String, String>>> keys = new HashMap<>();
        List<Patient> patients = new ArrayList<>();
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line; (line = r.readLine()) != null; ) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split(",", -1);
            switch (f[0]) {
                case "key" -> {
                    List<Map<String, String>> parts = keys.computeIfAbsent(f[1], k -> new ArrayList<>());
                    int part = Integer.parseInt(f[2]);
                    while (parts.size() <= part) {
                        parts.add(new LinkedHashMap<>());
                    }
                    parts.get(part).put(f[3], f[4]);
                }
                case "cell" -> {
                    Level level = Level.valueOf(f[3]);
                    if (Level.CALENDAR.contains(level)) { // whole-history totals of older files are not a level any more
                        cells.computeIfAbsent(f[1], k -> new HashMap<>()).put(
                                new CellRef(List.of(f[2].split("\\|")), new Bucket(level, LocalDate.parse(f[4])), f[5]),
                                new Counts(Long.parseLong(f[6]), Long.parseLong(f[7])));
                    }
                }
                case "patient" -> patients.add(new Patient(LocalDate.parse(f[1]), f[2], f[3].isEmpty() ? null : LocalDate.parse(f[3])));
                default -> throw new IOException("an unknown line in the analytics history: " + f[0]);
            }
        }
        return new HistoryCells(cells, keys, patients);
    }

    /** The figure's cells (empty when the history has none). */
    public Map<CellRef, Counts> cells(String figure) {
        return cells.getOrDefault(figure, Map.of());
    }

    /** The figure's named keys of key part {@code part}, code to name, in the file's order (empty when none). */
    public Map<String, String> keys(String figure, int part) {
        List<Map<String, String>> parts = keys.getOrDefault(figure, List.of());
        return part < parts.size() ? parts.get(part) : Map.of();
    }

    public List<Patient> patients() {
        return patients;
    }

    public boolean isEmpty() {
        return cells.isEmpty();
    }
}

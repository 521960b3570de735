import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

/**
 * Picks the demo install's patients from a Synthea CSV export and writes the few columns the portal
 * shows. Deterministic: the same export always gives the same files.
 *
 * <p>Usage: {@code java scripts/ExtractDemoPatients.java <synthea-dir> <out-dir>}
 *
 * <p>A patient qualifies when alive and at least 18 at the simulation's end date, with 3 to 12
 * distinct clinical conditions (social "(finding)", "(situation)" and "(person)" rows do not count
 * and are not kept) and at least 2 medication episodes with a reason. Going through qualifying
 * patients in Id order, the first {@value #WITH_ALLERGIES} with an allergy are taken, then the first
 * others until there are {@value #COUNT}. Repeated orders of one medicine for one reason collapse
 * into an episode: earliest start, latest stop (none if any order is open). Synthea's numeric name
 * suffixes are removed; identifiers such as SSN, address, licence and passport are never read out.
 */
public class ExtractDemoPatients {

    static final int COUNT = 6;
    static final int WITH_ALLERGIES = 2;
    static final Pattern SOCIAL = Pattern.compile(".*\\((finding|situation|person)\\)$");

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: java scripts/ExtractDemoPatients.java <synthea-dir> <out-dir>");
            System.exit(2);
        }
        Path in = Path.of(args[0]);
        Path out = Path.of(args[1]);
        LocalDate end = simulationEnd(in.resolve("run_metadata.json"));

        Map<String, Map<String, String>> adults = new TreeMap<>();
        for (Map<String, String> p : Csv.read(in, "patients.csv")) {
            LocalDate born = LocalDate.parse(p.get("BIRTHDATE"));
            if (p.get("DEATHDATE").isEmpty() && !born.plusYears(18).isAfter(end)) {
                adults.put(p.get("Id"), p);
            }
        }
        Map<String, Set<List<String>>> conditions = new TreeMap<>();
        for (Map<String, String> c : Csv.read(in, "conditions.csv")) {
            if (adults.containsKey(c.get("PATIENT")) && !SOCIAL.matcher(c.get("DESCRIPTION")).matches()) {
                conditions.computeIfAbsent(c.get("PATIENT"), k -> new TreeSet<>(Csv.ROWS)).add(List.of(
                        c.get("PATIENT"), c.get("START"), c.get("STOP"), c.get("SYSTEM"), c.get("CODE"), c.get("DESCRIPTION")));
            }
        }
        Map<String, Map<String, String[]>> episodes = new TreeMap<>();
        for (Map<String, String> m : Csv.read(in, "medications.csv")) {
            if (adults.containsKey(m.get("PATIENT"))) {
                String start = m.get("START").substring(0, 10);
                String stop = m.get("STOP").isEmpty() ? "" : m.get("STOP").substring(0, 10);
                episodes.computeIfAbsent(m.get("PATIENT"), k -> new TreeMap<>())
                        .merge(m.get("CODE") + "|" + m.get("REASONCODE"),
                                new String[] {m.get("PATIENT"), start, stop, m.get("CODE"), m.get("DESCRIPTION"),
                                    m.get("REASONCODE"), m.get("REASONDESCRIPTION")},
                                ExtractDemoPatients::widen);
            }
        }
        Map<String, Set<List<String>>> allergies = new TreeMap<>();
        for (Map<String, String> a : Csv.read(in, "allergies.csv")) {
            if (adults.containsKey(a.get("PATIENT"))) {
                allergies.computeIfAbsent(a.get("PATIENT"), k -> new TreeSet<>(Csv.ROWS)).add(List.of(
                        a.get("PATIENT"), a.get("START"), a.get("SYSTEM"), a.get("CODE"), a.get("DESCRIPTION"),
                        a.get("CATEGORY"), a.get("REACTION1"), a.get("DESCRIPTION1"), a.get("SEVERITY1")));
            }
        }

        List<String> qualifying = adults.keySet().stream().filter(id -> {
            long distinct = conditions.getOrDefault(id, Set.of()).stream().map(c -> c.get(4)).distinct().count();
            long treated = episodes.getOrDefault(id, Map.of()).values().stream().filter(e -> !e[6].isEmpty()).count();
            return distinct >= 3 && distinct <= 12 && treated >= 2;
        }).toList();
        Set<String> chosen = new TreeSet<>(qualifying.stream().filter(allergies::containsKey).limit(WITH_ALLERGIES).toList());
        qualifying.stream().filter(id -> !chosen.contains(id)).limit(COUNT - chosen.size()).forEach(chosen::add);
        if (chosen.size() < COUNT) {
            throw new IllegalStateException("only " + chosen.size() + " patients qualify");
        }

        Files.createDirectories(out);
        Csv.write(out.resolve("patients.csv"), List.of("ID", "FIRST", "LAST", "BIRTHDATE", "GENDER", "CITY"),
                chosen.stream().map(adults::get).map(p -> List.of(p.get("Id"), withoutDigits(p.get("FIRST")),
                        withoutDigits(p.get("LAST")), p.get("BIRTHDATE"), p.get("GENDER"), p.get("CITY"))).toList());
        Csv.write(out.resolve("conditions.csv"), List.of("PATIENT", "START", "STOP", "SYSTEM", "CODE", "DESCRIPTION"),
                chosen.stream().flatMap(id -> conditions.get(id).stream()).toList());
        Csv.write(out.resolve("medications.csv"),
                List.of("PATIENT", "START", "STOP", "CODE", "DESCRIPTION", "REASONCODE", "REASONDESCRIPTION"),
                chosen.stream().flatMap(id -> episodes.get(id).values().stream().map(List::of)
                        .sorted(Csv.ROWS)).toList());
        Csv.write(out.resolve("allergies.csv"), List.of("PATIENT", "START", "SYSTEM", "CODE", "DESCRIPTION",
                        "CATEGORY", "REACTION_CODE", "REACTION", "SEVERITY"),
                chosen.stream().flatMap(id -> allergies.getOrDefault(id, Set.of()).stream()).toList());
        for (String id : chosen) {
            Map<String, String> p = adults.get(id);
            System.out.printf("%s %s %s: %d conditions, %d medication episodes, %d allergies%n", id,
                    withoutDigits(p.get("FIRST")), withoutDigits(p.get("LAST")), conditions.get(id).size(),
                    episodes.get(id).size(), allergies.getOrDefault(id, Set.of()).size());
        }
    }

    /** One episode spanning both: the earlier start and the later stop, where an empty stop is still open. */
    static String[] widen(String[] a, String[] b) {
        String[] merged = a.clone();
        merged[1] = a[1].compareTo(b[1]) <= 0 ? a[1] : b[1];
        merged[2] = a[2].isEmpty() || b[2].isEmpty() ? "" : (a[2].compareTo(b[2]) >= 0 ? a[2] : b[2]);
        return merged;
    }

    static String withoutDigits(String name) {
        return name.replaceAll("\\d+", "");
    }

    static LocalDate simulationEnd(Path metadata) throws IOException {
        Matcher m = Pattern.compile("\"endTime\"\\s*:\\s*\"(\\d{8})\"").matcher(Files.readString(metadata));
        if (!m.find()) {
            throw new IllegalStateException("no endTime in " + metadata);
        }
        return LocalDate.parse(m.group(1), DateTimeFormatter.BASIC_ISO_DATE);
    }
}

/** RFC 4180 CSV with a header row; {@code name.csv} is read from {@code name.csv.gz} when only that exists. */
final class Csv {

    static final Comparator<List<String>> ROWS = (a, b) -> {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    };

    static List<Map<String, String>> read(Path dir, String name) throws IOException {
        Path plain = dir.resolve(name);
        InputStream raw = Files.exists(plain) ? Files.newInputStream(plain)
                : new GZIPInputStream(Files.newInputStream(dir.resolve(name + ".gz")));
        try (Reader reader = new BufferedReader(new InputStreamReader(raw, StandardCharsets.UTF_8))) {
            List<String> header = record(reader);
            List<Map<String, String>> rows = new ArrayList<>();
            for (List<String> r = record(reader); r != null; r = record(reader)) {
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    row.put(header.get(i), i < r.size() ? r.get(i) : "");
                }
                rows.add(row);
            }
            return rows;
        }
    }

    /** The next record, or null at the end. */
    static List<String> record(Reader in) throws IOException {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int c = in.read();
        if (c == -1) {
            return null;
        }
        for (; ; c = in.read()) {
            if (quoted) {
                if (c == -1) {
                    throw new IOException("unterminated quoted field");
                } else if (c == '"') {
                    in.mark(1);
                    if (in.read() == '"') {
                        field.append('"');
                    } else {
                        in.reset();
                        quoted = false;
                    }
                } else {
                    field.append((char) c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == -1) {
                fields.add(field.toString());
                return fields;
            } else if (c != '\r') {
                field.append((char) c);
            }
        }
    }

    static void write(Path file, List<String> header, List<List<String>> rows) {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(line(header));
            for (List<String> row : rows) {
                out.write(line(row));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String line(List<String> fields) {
        return fields.stream().map(Csv::quoted).collect(Collectors.joining(",", "", "\r\n"));
    }

    private static String quoted(String field) {
        return field.contains(",") || field.contains("\"") || field.contains("\n") || field.contains("\r")
                ? "\"" + field.replace("\"", "\"\"") + "\"" : field;
    }
}

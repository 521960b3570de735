package org.careledger.recommend.engine;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A model directory holds versions side by side and names the current one:
 * <pre>
 * CURRENT                        the current version, one line
 * recommender-VERSION.bin        "CLREC1\n", SHA-256 of the rest, then the gzipped Java-serialised models
 * recommender-VERSION.properties the model card, human-readable
 * </pre>
 * Reading checks the magic line and the hash before deserialising, and deserialises through an
 * {@link ObjectInputFilter} that admits only this package's model classes, Smile's and a few
 * {@code java.*} value classes, with bounds on depth and size; anything else is a
 * {@link ModelFileException}. Each file is written beside its final name and moved into place, so a
 * crash leaves the previous version current.
 */
final class ModelFiles {

    static final String SHIPPED = "/recommend/model/";
    private static final byte[] MAGIC = "CLREC1\n".getBytes(StandardCharsets.US_ASCII);
    private static final ObjectInputFilter FILTER = ObjectInputFilter.Config.createFilter(
            "maxdepth=200;maxrefs=5000000;maxbytes=268435456;maxarray=50000000;"
                    + "org.careledger.recommend.engine.*;smile.**;"
                    + "java.lang.Enum;java.lang.Number;java.lang.Integer;java.lang.Long;java.lang.Double;java.lang.Float;"
                    + "java.lang.Boolean;java.lang.String;java.lang.Record;"
                    + "java.util.ArrayList;java.util.HashMap;java.util.TreeMap;java.util.LinkedHashMap;java.util.HashSet;"
                    + "java.util.TreeSet;java.util.Collections$*;java.util.ImmutableCollections$*;java.util.CollSer;"
                    + "java.util.Map$Entry;java.util.BitSet;java.time.Ser;java.lang.Object;!*");

    private ModelFiles() {
    }

    static void save(Path dir, Recommender.State state, ModelCard card) throws IOException {
        Files.createDirectories(dir);
        String version = card.version();
        writeAtomically(dir.resolve("recommender-" + version + ".bin"), encode(state));
        writeAtomically(dir.resolve("recommender-" + version + ".properties"), cardText(card).getBytes(StandardCharsets.UTF_8));
        writeAtomically(dir.resolve("CURRENT"), (version + "\n").getBytes(StandardCharsets.UTF_8));
    }

    static Recommender load(Path dir) throws IOException {
        String version = currentVersion(read(dir.resolve("CURRENT")));
        return decode(read(dir.resolve("recommender-" + version + ".bin")), read(dir.resolve("recommender-" + version + ".properties")));
    }

    static Recommender loadShipped() throws IOException {
        String version = currentVersion(resource("CURRENT"));
        return decode(resource("recommender-" + version + ".bin"), resource("recommender-" + version + ".properties"));
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = ModelFiles.class.getResourceAsStream(SHIPPED + name)) {
            if (in == null) {
                throw new ModelFileException("not on the class path: " + SHIPPED + name);
            }
            return in.readAllBytes();
        }
    }

    private static byte[] read(Path file) throws IOException {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ModelFileException("missing model file " + file, e);
        }
    }

    private static String currentVersion(byte[] bytes) throws ModelFileException {
        String version = new String(bytes, StandardCharsets.UTF_8).trim();
        if (!version.matches("[0-9A-Za-z._-]{1,80}")) {
            throw new ModelFileException("CURRENT does not name a version");
        }
        return version;
    }

    static byte[] encode(Recommender.State state) throws IOException {
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(new GZIPOutputStream(payload))) {
            out.writeObject(state);
        }
        byte[] body = payload.toByteArray();
        ByteArrayOutputStream file = new ByteArrayOutputStream(body.length + 64);
        file.write(MAGIC);
        file.write(sha256(body));
        file.write(body);
        return file.toByteArray();
    }

    private static Recommender decode(byte[] file, byte[] cardBytes) throws ModelFileException {
        if (file.length < MAGIC.length + 32 || !Arrays.equals(file, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new ModelFileException("not a CareLedger recommender model file (format CLREC1)");
        }
        byte[] body = Arrays.copyOfRange(file, MAGIC.length + 32, file.length);
        if (!Arrays.equals(sha256(body), Arrays.copyOfRange(file, MAGIC.length, MAGIC.length + 32))) {
            throw new ModelFileException("model file is corrupt: its checksum does not match");
        }
        Object state;
        try (ObjectInputStream in = new ObjectInputStream(new GZIPInputStream(new ByteArrayInputStream(body)))) {
            in.setObjectInputFilter(FILTER);
            state = in.readObject();
        } catch (InvalidClassException e) {
            throw new ModelFileException("model file holds a class that is not allowed or not compatible: " + e.getMessage(), e);
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            throw new ModelFileException("model file cannot be read: " + e, e);
        }
        if (!(state instanceof Recommender.State s)) {
            throw new ModelFileException("model file holds no recommender");
        }
        return new Recommender(s, parseCard(new String(cardBytes, StandardCharsets.UTF_8)));
    }

    static String cardText(ModelCard card) {
        StringBuilder b = new StringBuilder("# CareLedger decision-support model card\n");
        line(b, "version", card.version());
        line(b, "created", card.created().toString());
        line(b, "trainingData", card.trainingData());
        line(b, "diseaseModel", card.diseaseModel());
        line(b, "medicineModel", card.medicineModel());
        line(b, "symptomCases", String.valueOf(card.symptomCases()));
        line(b, "medicineEpisodes", String.valueOf(card.medicineEpisodes()));
        line(b, "trainingMillis", String.valueOf(card.trainingMillis()));
        b.append("# figures on the held-out patients of the inner split\n");
        line(b, "diseaseTop1", String.valueOf(card.diseaseTop1()));
        line(b, "diseaseTop3", String.valueOf(card.diseaseTop3()));
        line(b, "medicineTop1", String.valueOf(card.medicineTop1()));
        line(b, "medicineTop3", String.valueOf(card.medicineTop3()));
        for (int i = 0; i < card.evaluationLines().size(); i++) {
            line(b, String.format("evaluation.%03d", i), card.evaluationLines().get(i));
        }
        return b.toString();
    }

    private static void line(StringBuilder b, String key, String value) {
        b.append(key).append('=').append(value.replace("\\", "\\\\").replace("\n", "\\n")).append('\n');
    }

    static ModelCard parseCard(String text) throws ModelFileException {
        Properties p = new Properties();
        try {
            p.load(new StringReader(text));
            List<String> lines = new ArrayList<>();
            for (int i = 0; p.containsKey(String.format("evaluation.%03d", i)); i++) {
                lines.add(p.getProperty(String.format("evaluation.%03d", i)));
            }
            return new ModelCard(required(p, "version"), Instant.parse(required(p, "created")), required(p, "trainingData"),
                    lines, p.getProperty("diseaseModel", ""), p.getProperty("medicineModel", ""),
                    Integer.parseInt(p.getProperty("symptomCases", "0")), Integer.parseInt(p.getProperty("medicineEpisodes", "0")),
                    Long.parseLong(p.getProperty("trainingMillis", "0")), number(p, "diseaseTop1"), number(p, "diseaseTop3"),
                    number(p, "medicineTop1"), number(p, "medicineTop3"));
        } catch (IOException | IllegalArgumentException | DateTimeParseException e) {
            throw new ModelFileException("model card cannot be read: " + e.getMessage(), e);
        }
    }

    private static String required(Properties p, String key) throws ModelFileException {
        String value = p.getProperty(key);
        if (value == null) {
            throw new ModelFileException("model card has no " + key);
        }
        return value;
    }

    private static double number(Properties p, String key) {
        return Double.parseDouble(p.getProperty(key, "NaN"));
    }

    private static void writeAtomically(Path file, byte[] bytes) throws IOException {
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(temp, bytes);
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String shortHash(byte[] bytes) {
        return HexFormat.of().formatHex(sha256(bytes), 0, 4);
    }
}

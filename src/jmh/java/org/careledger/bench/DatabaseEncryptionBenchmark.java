package org.careledger.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.careledger.crypto.KeyDerivation;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What encrypting the whole H2 file ({@code CIPHER=AES}, as the portal now runs) costs the two
 * database steps a user waits on most, against the same database unencrypted, in the same run:
 * <ul>
 *   <li>{@code registrationWrite}: a registration's insert of an account row and its commit;</li>
 *   <li>{@code recordRead}: reading one sealed record entry (4 KiB of ciphertext, as the records
 *       module stores it) by its id, from a database of 5,000 entries with a page cache of 4 MB, so
 *       that most reads reach the file, where the encryption is.</li>
 * </ul>
 * The entry's own AES-GCM opening and the portal around it are the same either way and left out.
 * Run: {@code ./mvnw -B -Pbenchmarks compile exec:exec -Djmh.args="DatabaseEncryptionBenchmark"}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class DatabaseEncryptionBenchmark {

    static final int ENTRIES = 5_000;

    @Param({"plain", "encrypted"})
    public String file;

    private Path dir;
    private Connection connection;
    private PreparedStatement insertAccount;
    private PreparedStatement readEntry;
    private final Random random = new Random(7);
    private long nextAccount;

    @Setup(Level.Trial)
    public void open() throws Exception {
        dir = Files.createTempDirectory("careledger-db-bench-");
        boolean encrypted = file.equals("encrypted");
        byte[] masterKey = new byte[32];
        new SecureRandom().nextBytes(masterKey);
        String url = "jdbc:h2:file:" + dir.resolve("portal") + ";CACHE_SIZE=4096" + (encrypted ? ";CIPHER=AES" : "");
        String password = encrypted ? new String(KeyDerivation.databaseFilePassword(masterKey)) + " " : "";
        connection = DriverManager.getConnection(url, "careledger", password);
        try (var s = connection.createStatement()) {
            s.execute("CREATE TABLE users (id BIGINT PRIMARY KEY, username VARCHAR(254), password_hash VARCHAR(100), full_name VARCHAR(200),"
                    + " mobile VARCHAR(20), address VARCHAR(300), insurer VARCHAR(100), policy VARCHAR(20), created_at TIMESTAMP)");
            s.execute("CREATE TABLE record_entries (entry_id VARCHAR(64) PRIMARY KEY, wrapped_key VARBINARY(128), sealed BLOB, salted_hash VARCHAR(64))");
        }
        byte[] sealed = new byte[4096];
        try (PreparedStatement fill = connection.prepareStatement("INSERT INTO record_entries VALUES (?, ?, ?, ?)")) {
            for (int i = 0; i < ENTRIES; i++) {
                random.nextBytes(sealed);
                fill.setString(1, "entry-" + i);
                fill.setBytes(2, new byte[64]);
                fill.setBytes(3, sealed);
                fill.setString(4, "00".repeat(32));
                fill.addBatch();
                if (i % 500 == 499) {
                    fill.executeBatch();
                }
            }
        }
        try (var s = connection.createStatement()) {
            s.execute("CHECKPOINT SYNC");
        }
        connection.setAutoCommit(false);
        insertAccount = connection.prepareStatement("INSERT INTO users VALUES (?, ?, ?, ?, ?, ?, ?, ?, CURRENT_TIMESTAMP)");
        readEntry = connection.prepareStatement("SELECT sealed, wrapped_key FROM record_entries WHERE entry_id = ?");
    }

    @Benchmark
    public int registrationWrite() throws SQLException {
        long id = nextAccount++;
        insertAccount.setLong(1, id);
        insertAccount.setString(2, "patient-" + id + "@example.org");
        insertAccount.setString(3, "{bcrypt}$2a$10$" + "x".repeat(53));
        insertAccount.setString(4, "Zoë O'Brien " + id);
        insertAccount.setString(5, "+447700900123");
        insertAccount.setString(6, "4 Elm Close, Cambridge CB1 2AB");
        insertAccount.setString(7, "Bupa");
        insertAccount.setString(8, "BUP-" + id);
        int rows = insertAccount.executeUpdate();
        connection.commit();
        return rows;
    }

    @Benchmark
    public int recordRead() throws SQLException {
        readEntry.setString(1, "entry-" + random.nextInt(ENTRIES));
        try (ResultSet r = readEntry.executeQuery()) {
            r.next();
            return r.getBytes(1).length;
        }
    }

    @TearDown(Level.Trial)
    public void close() throws Exception {
        connection.close();
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}

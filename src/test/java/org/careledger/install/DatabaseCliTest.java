package org.careledger.install;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code db encrypt}: a plain database written by an earlier version becomes an encrypted one in
 * place, with every row kept, no plain copy left, and refusals that change nothing.
 */
class DatabaseCliTest {

    private static final String KEY = "q83vEi5sJq7b0Jm3V4L8d2xR1yG5nT0aW6cZ9hK2pXo=";

    @TempDir
    Path dataDir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Map<String, String> env, String... args) {
        return DatabaseCli.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private void plainDatabase() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("portal"), "careledger", "")) {
            c.createStatement().execute("CREATE TABLE users (name VARCHAR(60), policy VARCHAR(20));"
                    + "INSERT INTO users VALUES ('Zoë O''Brien', 'POL-778812'), ('Keith McClure', 'SYN-12AB34CD')");
        }
    }

    @Test
    void aPlainDatabaseIsEncryptedInPlaceWithEveryRowKeptAndNoPlainCopyLeft() throws Exception {
        plainDatabase();
        assertThat(DatabaseFiles.contains(DatabaseFiles.raw(dataDir), "POL-778812")).as("readable before").isTrue();

        int code = run(Map.of("CARELEDGER_MASTER_KEY", KEY), "db", "encrypt", "--data-dir", dataDir.toString());

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("backed up portal.mv.db").contains("every one of 1 tables holds the same number of rows");
        assertThat(InstallDatabase.isEncrypted(dataDir.resolve("portal.mv.db"))).isTrue();
        assertThat(DatabaseFiles.contains(DatabaseFiles.raw(dataDir), "POL-778812")).as("readable after").isFalse();
        try (Connection c = InstallDatabase.open(dataDir, Base64.getDecoder().decode(KEY));
             ResultSet r = c.createStatement().executeQuery("SELECT COUNT(*) FROM users WHERE policy = 'SYN-12AB34CD'")) {
            r.next();
            assertThat(r.getInt(1)).isEqualTo(1);
        }
        try (var files = Files.list(dataDir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("backup"));
        }
    }

    @Test
    void aDemoDirectoryUsesItsDemoKey() throws Exception {
        plainDatabase();
        Files.createDirectories(dataDir.resolve("keys"));
        Files.writeString(dataDir.resolve("keys").resolve("master.key"), KEY);

        assertThat(run(Map.of(), "db", "encrypt", "--data-dir", dataDir.toString())).as(err.toString()).isZero();
        assertThat(InstallDatabase.isEncrypted(dataDir.resolve("portal.mv.db"))).isTrue();
    }

    @Test
    void aDatabaseInUseOrAlreadyEncryptedOrAMissingKeyIsRefusedAndNothingChanges() throws Exception {
        plainDatabase();
        try (Connection inUse = DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("portal"), "careledger", "")) {
            assertThat(run(Map.of("CARELEDGER_MASTER_KEY", KEY), "db", "encrypt", "--data-dir", dataDir.toString())).isEqualTo(1);
            assertThat(err.toString()).contains("stop the portal first");
        }
        byte[] before = DatabaseFiles.raw(dataDir);
        try (var files = Files.list(dataDir)) {
            assertThat(files.map(p -> p.getFileName().toString())).as("refused before any copy").noneMatch(n -> n.contains("backup"));
        }
        assertThat(run(Map.of(), "db", "encrypt", "--data-dir", dataDir.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("no master key");
        assertThat(run(Map.of("CARELEDGER_MASTER_KEY", "c2hvcnQ="), "db", "encrypt", "--data-dir", dataDir.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("decodes to 5 bytes");
        assertThat(DatabaseFiles.raw(dataDir)).as("unchanged").isEqualTo(before);

        assertThat(run(Map.of("CARELEDGER_MASTER_KEY", KEY), "db", "encrypt", "--data-dir", dataDir.toString())).isZero();
        assertThat(run(Map.of("CARELEDGER_MASTER_KEY", KEY), "db", "encrypt", "--data-dir", dataDir.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("is encrypted already");
    }
}

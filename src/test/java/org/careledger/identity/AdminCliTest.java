package org.careledger.identity;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Base64;
import java.util.Map;

import org.careledger.install.InstallDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code admin unlock USER}: on a stopped install's encrypted database, every throttle entry of the
 * username goes (every client's and the all-clients ceiling) and the unlock is stored as a security
 * event; other usernames keep theirs.
 */
class AdminCliTest {

    private static final String KEY = "q83vEi5sJq7b0Jm3V4L8d2xR1yG5nT0aW6cZ9hK2pXo=";

    @TempDir
    Path dataDir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return AdminCli.run(args, Map.of("CARELEDGER_MASTER_KEY", KEY), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private Connection database() throws Exception {
        return InstallDatabase.open(dataDir, Base64.getDecoder().decode(KEY));
    }

    private void throttled() throws Exception {
        Flyway.configure().dataSource(InstallDatabase.url(dataDir), InstallDatabase.USER,
                InstallDatabase.password(Base64.getDecoder().decode(KEY), "")).locations("classpath:db/migration", "classpath:db/h2").load().migrate();
        try (Connection c = database(); Statement s = c.createStatement()) {
            for (String[] row : new String[][] {{"admin@example.org", "203.0.113.7"}, {"admin@example.org", "*"}, {"other@example.org", "198.51.100.1"}}) {
                s.execute("INSERT INTO login_throttle (username, client, failures, first_failure, last_failure, locked_until) VALUES ('"
                        + row[0] + "', '" + row[1] + "', 100, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, DATEADD('HOUR', 1, CURRENT_TIMESTAMP))");
            }
        }
    }

    private long count(String sql) throws Exception {
        try (Connection c = database(); ResultSet r = c.createStatement().executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    @Test
    void aLockedOutAdminIsUnlockedAndTheUnlockIsStored() throws Exception {
        throttled();

        int code = run("admin", "unlock", "  Admin@Example.org ", "--data-dir", dataDir.toString());

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("unlocked admin@example.org (2 throttle entries removed)");
        assertThat(count("SELECT COUNT(*) FROM login_throttle WHERE username = 'admin@example.org'")).isZero();
        assertThat(count("SELECT COUNT(*) FROM login_throttle WHERE username = 'other@example.org'")).as("others keep theirs").isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM security_events WHERE event = 'UNLOCK' AND username = 'admin@example.org' "
                + "AND actor = 'command line'")).isEqualTo(1);
    }

    @Test
    void aWrongCallOrAMissingDatabaseIsRefused() throws Exception {
        throttled();
        assertThat(run("admin", "unlock", "--data-dir", dataDir.toString())).isEqualTo(2);
        assertThat(run("admin", "unlock", "x@example.org", "--data-dir", dataDir.resolve("nowhere").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("there is no CareLedger database in");
    }

    @Test
    void withoutADataDirectoryItWorksOnThePortalsOwn() throws Exception {
        throttled();

        int code = AdminCli.run(new String[] {"admin", "unlock", "admin@example.org"},
                Map.of("CARELEDGER_MASTER_KEY", KEY, "CARELEDGER_DATA_DIR", dataDir.toString()),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(code).as(err.toString()).isZero();
        assertThat(count("SELECT COUNT(*) FROM login_throttle WHERE username = 'admin@example.org'")).isZero();
    }
}

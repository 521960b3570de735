package org.careledger.install;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.diagnostics.FailureAnalysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * An encrypted H2 file opened with another file password, in a fresh process as at a real start:
 * H2's "Encryption error" becomes a report that names the master key and what to set; other
 * database failures are left to Spring Boot's own reports.
 */
class WrongMasterKeyFailureAnalyzerTest {

    @TempDir
    Path dir;

    @Test
    void aFileEncryptedUnderAnotherKeyIsReportedAsTheWrongMasterKey() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("portal") + ";CIPHER=AES";
        try (Connection c = DriverManager.getConnection(url, "sa", "file-password-one user-password")) {
            c.createStatement().execute("CREATE TABLE t (x INT)");
        }
        SQLException refused = catchThrowableOfType(SQLException.class,
                () -> DriverManager.getConnection(url, "sa", "file-password-two user-password").close());

        FailureAnalysis analysis = new WrongMasterKeyFailureAnalyzer().analyze(new IllegalStateException("start failed", refused));

        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription()).startsWith("The master key does not open the database");
        assertThat(analysis.getAction()).contains("CARELEDGER_MASTER_KEY", "the key the install was created with");
    }

    @Test
    void anotherDatabaseFailureIsNotTakenForTheKey() {
        SQLException other = new SQLException("Connection refused", "08001", 0);
        assertThat(new WrongMasterKeyFailureAnalyzer().analyze(new IllegalStateException(other))).isNull();
    }
}

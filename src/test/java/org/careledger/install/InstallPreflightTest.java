package org.careledger.install;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class InstallPreflightTest {

    private static final String KEY = "q83vEi5sJq7b0Jm3V4L8d2xR1yG5nT0aW6cZ9hK2pXo=";

    @TempDir
    Path dataDir;

    private final InstallPreflight preflight = new InstallPreflight();

    private MockEnvironment env() {
        return new MockEnvironment().withProperty("careledger.data-dir", dataDir.toString());
    }

    private StartupConfigurationException refusal(MockEnvironment env) {
        return catchThrowableOfType(StartupConfigurationException.class,
                () -> preflight.postProcessEnvironment(env, new SpringApplication()));
    }

    @Test
    void aProductionStartWithoutAMasterKeyIsRefusedNamingTheVariable() {
        StartupConfigurationException e = refusal(env()
                .withProperty("careledger.admin.username", "root@example.org")
                .withProperty("careledger.admin.password", "a-long-admin-pass"));

        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("master key");
        assertThat(e.action()).contains("CARELEDGER_MASTER_KEY", "CARELEDGER_MASTER_KEY_FILE", "SPRING_PROFILES_ACTIVE=demo");
    }

    @Test
    void blankMasterKeySettingsCountAsMissing() {
        StartupConfigurationException e = refusal(env().withProperty("careledger.master-key", "  ")
                .withProperty("careledger.master-key-file", ""));
        assertThat(e).isNotNull();
        assertThat(e.action()).contains("CARELEDGER_MASTER_KEY");
    }

    @Test
    void aFreshDatabaseWithoutAFirstAdminIsRefusedNamingTheVariables() {
        StartupConfigurationException e = refusal(env().withProperty("careledger.master-key", KEY));

        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("No first admin", dataDir.toAbsolutePath().normalize().toString());
        assertThat(e.action()).contains("CARELEDGER_ADMIN_USERNAME", "CARELEDGER_ADMIN_PASSWORD");
    }

    @Test
    void anAdminWithoutAPasswordIsNotAnAdmin() throws Exception {
        Path keyFile = Files.writeString(dataDir.resolveSibling(dataDir.getFileName() + "-key"), KEY);
        StartupConfigurationException e = refusal(env().withProperty("careledger.master-key-file", keyFile.toString())
                .withProperty("careledger.admin.username", "root@example.org"));
        assertThat(e).isNotNull();
        assertThat(e.action()).contains("CARELEDGER_ADMIN_USERNAME");
    }

    @Test
    void aKeyAndAFirstAdminLetAFreshInstallStart() {
        assertThatCode(() -> preflight.postProcessEnvironment(env().withProperty("careledger.master-key", KEY)
                .withProperty("careledger.admin.username", "root@example.org")
                .withProperty("careledger.admin.password", "a-long-admin-pass"), new SpringApplication()))
                .doesNotThrowAnyException();
    }

    @Test
    void thePostgresProfileWithoutADatabaseAddressIsRefusedNamingTheVariables() {
        MockEnvironment postgres = env().withProperty("careledger.master-key", KEY);
        postgres.setActiveProfiles("postgres");
        StartupConfigurationException e = refusal(postgres);

        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("CARELEDGER_DB_URL is not set");
        assertThat(e.action()).contains("CARELEDGER_DB_URL=jdbc:postgresql://", "CARELEDGER_DB_USER", "CARELEDGER_DB_PASSWORD");
    }

    @Test
    void onPostgresNoDatabaseFileIsLookedForSoAFirstAdminIsAskedForOnlyByTheEmptyDatabase() {
        MockEnvironment postgres = env().withProperty("careledger.master-key", KEY)
                .withProperty("spring.datasource.url", "jdbc:postgresql://127.0.0.1:5432/careledger");
        postgres.setActiveProfiles("postgres");
        assertThatCode(() -> preflight.postProcessEnvironment(postgres, new SpringApplication())).doesNotThrowAnyException();
    }

    @Test
    void anExistingDatabaseNeedsNoFirstAdmin() throws Exception {
        Files.write(dataDir.resolve("portal.mv.db"), "H2encrypt\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertThatCode(() -> preflight.postProcessEnvironment(env().withProperty("careledger.master-key", KEY),
                new SpringApplication())).doesNotThrowAnyException();
    }

    @Test
    void aMasterKeyThatIsNotBase64Of32BytesIsRefusedBeforeAnythingIsWritten() throws Exception {
        StartupConfigurationException notBase64 = refusal(env().withProperty("careledger.master-key", "short!")
                .withProperty("careledger.admin.username", "root@example.org").withProperty("careledger.admin.password", "a-long-admin-pass"));
        StartupConfigurationException tooShort = refusal(env().withProperty("careledger.master-key", "c2hvcnQ=")
                .withProperty("careledger.admin.username", "root@example.org").withProperty("careledger.admin.password", "a-long-admin-pass"));

        assertThat(notBase64.getMessage()).isEqualTo("The master key in CARELEDGER_MASTER_KEY is not valid base64.");
        assertThat(tooShort.getMessage()).isEqualTo("The master key in CARELEDGER_MASTER_KEY decodes to 5 bytes; it must be exactly 32.");
        assertThat(tooShort.action()).contains("openssl rand -base64 32");
        try (var files = Files.list(dataDir)) {
            assertThat(files).as("nothing written").isEmpty();
        }
    }

    @Test
    void aMissingKeyFileIsRefusedNamingIt() {
        StartupConfigurationException e = refusal(env().withProperty("careledger.master-key-file", dataDir.resolve("nope.key").toString()));
        assertThat(e.getMessage()).contains("nope.key", "cannot be read");
    }

    @Test
    void aMissingDataDirectoryIsCreatedForItsOwnerOnly() throws Exception {
        Path fresh = dataDir.resolve("new-install");
        preflight.postProcessEnvironment(env().withProperty("careledger.data-dir", fresh.toString()).withProperty("careledger.master-key", KEY)
                .withProperty("careledger.admin.username", "root@example.org").withProperty("careledger.admin.password", "a-long-admin-pass"),
                new SpringApplication());
        assertThat(Files.getPosixFilePermissions(fresh)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
    }

    @Test
    void aDataDirectoryOthersMayReadIsRefusedOutsideTheDemoAndTightenedInIt() throws Exception {
        Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwxr-xr-x"));
        StartupConfigurationException e = refusal(env().withProperty("careledger.master-key", KEY)
                .withProperty("careledger.admin.username", "root@example.org").withProperty("careledger.admin.password", "a-long-admin-pass"));
        assertThat(e.getMessage()).contains("may be read by other accounts");
        assertThat(e.action()).contains("chmod -R go-rwx " + dataDir.toAbsolutePath().normalize());

        MockEnvironment demo = env();
        demo.setActiveProfiles("demo");
        preflight.postProcessEnvironment(demo, new SpringApplication());
        assertThat(Files.getPosixFilePermissions(dataDir)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
    }

    @Test
    void aDatabaseWrittenBeforeEncryptionIsRefusedNamingTheCommandThatEncryptsIt() throws Exception {
        try (var c = java.sql.DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("portal"), "careledger", "")) {
            c.createStatement().execute("CREATE TABLE users (id INT)");
        }
        StartupConfigurationException e = refusal(env().withProperty("careledger.master-key", KEY));
        assertThat(e.getMessage()).contains("is not encrypted");
        assertThat(e.action()).contains("java -jar careledger.jar db encrypt --data-dir " + dataDir.toAbsolutePath().normalize());
    }

    @Test
    void aDemoDatabaseWrittenBeforeEncryptionIsEncryptedInPlaceWithTheDemoKey() throws Exception {
        try (var c = java.sql.DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("portal"), "careledger", "")) {
            c.createStatement().execute("CREATE TABLE users (name VARCHAR(40)); INSERT INTO users VALUES ('Zoe Demo-Patient')");
        }
        Files.createDirectories(dataDir.resolve("keys"));
        Files.writeString(dataDir.resolve("keys").resolve("master.key"), KEY);
        MockEnvironment demo = env();
        demo.setActiveProfiles("demo");

        preflight.postProcessEnvironment(demo, new SpringApplication());

        assertThat(InstallDatabase.isEncrypted(dataDir.resolve("portal.mv.db"))).isTrue();
        assertThat(DatabaseFiles.contains(DatabaseFiles.raw(dataDir), "Zoe Demo-Patient")).isFalse();
        try (var c = InstallDatabase.open(dataDir, java.util.Base64.getDecoder().decode(KEY));
             var r = c.createStatement().executeQuery("SELECT name FROM users")) {
            assertThat(r.next()).isTrue();
            assertThat(r.getString(1)).isEqualTo("Zoe Demo-Patient");
        }
        try (var left = Files.list(dataDir)) {
            assertThat(left.map(p -> p.getFileName().toString())).as("no plain backup left behind").noneMatch(n -> n.contains("backup"));
        }
    }

    @Test
    void theDemoProfileNeedsNeitherKeyNorAdmin() {
        MockEnvironment demo = env();
        demo.setActiveProfiles("demo");
        assertThatCode(() -> preflight.postProcessEnvironment(demo, new SpringApplication())).doesNotThrowAnyException();
    }

    @Test
    void thePreflightCanBeSwitchedOff() {
        assertThatCode(() -> preflight.postProcessEnvironment(env().withProperty("careledger.preflight", "false"),
                new SpringApplication())).doesNotThrowAnyException();
    }

    @Test
    void theFailureAnalyzerPrintsProblemAndAction() {
        StartupConfigurationException e = refusal(env());
        var analysis = new StartupConfigurationFailureAnalyzer().analyze(new IllegalStateException("wrapped", e));
        assertThat(analysis.getDescription()).isEqualTo(e.getMessage());
        assertThat(analysis.getAction()).isEqualTo(e.action()).contains("CARELEDGER_MASTER_KEY");
    }
}

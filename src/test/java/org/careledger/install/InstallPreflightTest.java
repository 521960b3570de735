package org.careledger.install;

import java.nio.file.Files;
import java.nio.file.Path;

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
    void anAdminWithoutAPasswordIsNotAnAdmin() {
        StartupConfigurationException e = refusal(env().withProperty("careledger.master-key-file", "/etc/careledger/key")
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
    void anExistingDatabaseNeedsNoFirstAdmin() throws Exception {
        Files.createFile(dataDir.resolve("portal.mv.db"));
        assertThatCode(() -> preflight.postProcessEnvironment(env().withProperty("careledger.master-key", KEY),
                new SpringApplication())).doesNotThrowAnyException();
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

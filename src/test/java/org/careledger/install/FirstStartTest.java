package org.careledger.install;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.careledger.CareLedgerApplication;
import org.careledger.identity.AccountStatus;
import org.careledger.identity.Role;
import org.careledger.identity.UserDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A production install never ends up running without an admin, whatever order its first starts
 * come in: a bad master key is refused before the database exists; a database without an active
 * admin (a first start that stopped half-way) is refused until first-admin credentials are given,
 * and then the admin is created.
 */
class FirstStartTest {

    private static final String KEY = "q83vEi5sJq7b0Jm3V4L8d2xR1yG5nT0aW6cZ9hK2pXo=";
    private static final String OTHER_KEY = "zJ8rW2nQ5tY7uI9oP1aS3dF6gH8jK0lZ4xC6vB8nM2E=";
    private static final String ADMIN = "--careledger.admin.username=root@example.org";
    private static final String ADMIN_PASSWORD = "--careledger.admin.password=a-long-admin-passphrase";

    private SecurityContextHolderStrategy sharedStrategy;

    @BeforeEach
    void keepTheSecurityStrategy() {
        sharedStrategy = SecurityContextHolder.getContextHolderStrategy();
    }

    @AfterEach
    void restoreTheSecurityStrategy() {
        SecurityContextHolder.setContextHolderStrategy(sharedStrategy);
    }

    @Test
    void aBadKeyIsRefusedBeforeTheDatabaseExistsAndAGoodKeyThenStillNeedsAFirstAdmin() throws Exception {
        Path dataDir = dataDir();

        assertThat(refusal(dataDir, "--careledger.master-key=short", ADMIN, ADMIN_PASSWORD).getMessage())
                .isEqualTo("The master key in CARELEDGER_MASTER_KEY is not valid base64.");
        assertThat(Files.exists(dataDir.resolve("portal.mv.db"))).as("nothing written").isFalse();

        assertThat(refusal(dataDir, "--careledger.master-key=" + KEY).getMessage()).startsWith("No first admin");
        assertThat(Files.exists(dataDir.resolve("portal.mv.db"))).isFalse();
    }

    @Test
    void aDatabaseLeftWithoutAnAdminIsRefusedUntilOneIsGivenAndThenHasOne() throws Exception {
        Path dataDir = dataDir();
        // a first start that stopped after creating the database and before the admin (as the pre-flight once let happen)
        StartupConfigurationException interrupted = refusal(dataDir, "--careledger.master-key=" + KEY, "--careledger.preflight=false");
        assertThat(interrupted.getMessage()).startsWith("No active admin");
        assertThat(Files.exists(dataDir.resolve("portal.mv.db"))).as("the database was made").isTrue();

        StartupConfigurationException again = refusal(dataDir, "--careledger.master-key=" + KEY);
        assertThat(again.getMessage()).startsWith("No active admin");
        assertThat(again.action()).contains("CARELEDGER_ADMIN_USERNAME", "CARELEDGER_ADMIN_PASSWORD");

        try (ConfigurableApplicationContext app = start(dataDir, "--careledger.master-key=" + KEY, ADMIN, ADMIN_PASSWORD)) {
            UserDirectory directory = app.getBean(UserDirectory.class);
            assertThat(directory.findByUsername("root@example.org")).hasValueSatisfying(admin -> {
                assertThat(admin.role()).isEqualTo(Role.ADMIN);
                assertThat(admin.status()).isEqualTo(AccountStatus.ACTIVE);
                assertThat(admin.mustChangePassword()).isTrue();
            });
        }

        Throwable wrongKey = catchThrowable(() -> start(dataDir, "--careledger.master-key=" + OTHER_KEY).close());
        assertThat(wrongKey).as("another well-formed key is refused").isNotNull();
        FailureAnalysis analysis = new WrongMasterKeyFailureAnalyzer().analyze(wrongKey);
        assertThat(analysis).as("the start's report names the cause").isNotNull();
        assertThat(analysis.getDescription()).contains("The master key does not open the database");
        assertThat(analysis.getAction()).contains("CARELEDGER_MASTER_KEY");
    }

    @Test
    void aWeakFirstAdminPasswordIsRefusedBeforeTheDatabaseExists() throws Exception {
        Path dataDir = dataDir();
        assertThat(refusal(dataDir, "--careledger.master-key=" + KEY, ADMIN, "--careledger.admin.password=password").getMessage())
                .startsWith("CARELEDGER_ADMIN_PASSWORD is refused");
        assertThat(Files.exists(dataDir.resolve("portal.mv.db"))).isFalse();
    }

    private static Path dataDir() throws Exception {
        Path base = Files.createDirectories(Path.of("target", "test-data").toAbsolutePath());
        return Files.createTempDirectory(base, "first-start-");
    }

    private static ConfigurableApplicationContext start(Path dataDir, String... settings) {
        List<String> args = new ArrayList<>(List.of("--careledger.data-dir=" + dataDir, "--server.port=0",
                "--spring.main.banner-mode=off"));
        args.addAll(List.of(settings));
        return new SpringApplicationBuilder(CareLedgerApplication.class).run(args.toArray(String[]::new));
    }

    /** The start's refusal, as the failure analyzer reports it. */
    private static StartupConfigurationException refusal(Path dataDir, String... settings) {
        Throwable failure = catchThrowable(() -> start(dataDir, settings).close());
        assertThat(failure).as("the start is refused").isNotNull();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof StartupConfigurationException refused) {
                return refused;
            }
        }
        throw new AssertionError("refused, but not with a StartupConfigurationException", failure);
    }
}

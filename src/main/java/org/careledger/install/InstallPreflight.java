package org.careledger.install;

import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * Refuses, before anything else starts, a production start that lacks a master key or, on an empty
 * database, the first admin's credentials. A demo start needs neither: it generates a master key and
 * seeds demo accounts.
 */
class InstallPreflight implements EnvironmentPostProcessor {

    static final String DEMO_PROFILE = "demo";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        if (env.acceptsProfiles(Profiles.of(DEMO_PROFILE)) || !env.getProperty("careledger.preflight", Boolean.class, true)) {
            return;
        }
        boolean keySet = !env.getProperty("careledger.master-key", "").isBlank()
                || !env.getProperty("careledger.master-key-file", "").isBlank();
        Path dataDir = Path.of(env.getProperty("careledger.data-dir", "./chain-data"));
        boolean freshDatabase = !Files.exists(dataDir.resolve("portal.mv.db"));
        boolean adminSet = !env.getProperty("careledger.admin.username", "").isBlank()
                && !env.getProperty("careledger.admin.password", "").isBlank();
        if (!keySet) {
            throw new StartupConfigurationException(
                    "No master key: CareLedger encrypts every key it holds under an install master key, and none was given.",
                    "Set CARELEDGER_MASTER_KEY to base64 of 32 random bytes (for example the output of "
                            + "'openssl rand -base64 32'), or CARELEDGER_MASTER_KEY_FILE to a file holding it. "
                            + "Keep it outside the data directory and back it up: without it the keys in "
                            + dataDir.toAbsolutePath().normalize() + " cannot be read. "
                            + "For a demo install, start with SPRING_PROFILES_ACTIVE=demo instead.");
        }
        if (freshDatabase && !adminSet) {
            throw new StartupConfigurationException(
                    "No first admin: the database in " + dataDir.toAbsolutePath().normalize()
                            + " is new, and nobody could sign in to approve accounts.",
                    "Set CARELEDGER_ADMIN_USERNAME and CARELEDGER_ADMIN_PASSWORD (at least 8 characters, "
                            + "not a common password) for the first start; the admin is created once and must "
                            + "choose a new password at first sign-in.");
        }
    }
}

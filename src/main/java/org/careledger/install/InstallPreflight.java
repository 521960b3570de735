package org.careledger.install;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.careledger.crypto.PrivateFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * Checks, before anything is written, what an install cannot run without, and refuses at once with
 * what to set: the data directory (created 0700, or refused while others may read it), the master
 * key (given, readable, base64 of 32 bytes), the first admin's credentials on an empty database, and
 * a database file that is encrypted (one written before it was encrypted is refused, naming the
 * command that encrypts it). A demo start needs no key or admin (it generates and seeds them), fixes
 * its own directory's permissions and encrypts its own older database in place. On PostgreSQL (the
 * {@code postgres} profile) the database checks are only that its address is given: the file and its
 * encryption are H2's.
 */
class InstallPreflight implements EnvironmentPostProcessor, Ordered {

    static final String DEMO_PROFILE = "demo";
    static final String POSTGRES_PROFILE = "postgres";
    private static final Logger log = LoggerFactory.getLogger(InstallPreflight.class);

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE - 10; // after Spring Boot's own, which load the properties
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        if (!env.getProperty("careledger.preflight", Boolean.class, true)) {
            return;
        }
        boolean demo = env.acceptsProfiles(Profiles.of(DEMO_PROFILE));
        Path dataDir = Path.of(env.getProperty("careledger.data-dir", "./chain-data")).toAbsolutePath().normalize();
        Optional<byte[]> key = MasterKeys.given(env.getProperty("careledger.master-key", ""), env.getProperty("careledger.master-key-file", ""));
        if (!demo && key.isEmpty()) {
            throw new StartupConfigurationException(
                    "No master key: CareLedger encrypts its database and every key it holds under an install master key, and none was given.",
                    "Set CARELEDGER_MASTER_KEY to base64 of 32 random bytes (for example the output of "
                            + "'openssl rand -base64 32'), or CARELEDGER_MASTER_KEY_FILE to a file holding it. "
                            + "Keep it outside the data directory and back it up: without it the data in "
                            + dataDir + " cannot be read. For a demo install, start with SPRING_PROFILES_ACTIVE=demo instead.");
        }
        checkDataDirectory(dataDir, demo);
        String url = env.getProperty("spring.datasource.url", "");
        if (env.acceptsProfiles(Profiles.of(POSTGRES_PROFILE)) || (!url.isBlank() && !InstallDatabase.isH2(url))) {
            // PostgreSQL: no file of ours to look at and no H2 encryption; an empty database without
            // first-admin credentials is refused by identity's start-up check once it can be read.
            checkPostgresUrl(url);
            return;
        }
        Path database = dataDir.resolve(InstallDatabase.FILE_NAME);
        boolean adminSet = !env.getProperty("careledger.admin.username", "").isBlank()
                && !env.getProperty("careledger.admin.password", "").isBlank();
        if (!demo && !Files.exists(database) && !adminSet) {
            throw new StartupConfigurationException(
                    "No first admin: the database in " + dataDir + " is new, and nobody could sign in to approve accounts.",
                    "Set CARELEDGER_ADMIN_USERNAME and CARELEDGER_ADMIN_PASSWORD (at least 8 characters, "
                            + "not a common password) for the first start; the admin is created once and must "
                            + "choose a new password at first sign-in.");
        }
        if (Files.exists(database)) {
            checkEncrypted(database, dataDir, demo, key);
        }
    }

    private static void checkPostgresUrl(String url) {
        if (!InstallDatabase.isPostgres(url)) {
            throw new StartupConfigurationException(
                    "No PostgreSQL database: the postgres profile needs its address, and CARELEDGER_DB_URL "
                            + (url.isBlank() ? "is not set." : "is not a PostgreSQL JDBC address: " + url),
                    "Set CARELEDGER_DB_URL=jdbc:postgresql://HOST:5432/DATABASE, CARELEDGER_DB_USER and CARELEDGER_DB_PASSWORD "
                            + "(see the README's \"Running on PostgreSQL\"), or start without the postgres profile for the "
                            + "embedded database.");
        }
    }

    private static void checkDataDirectory(Path dataDir, boolean demo) {
        try {
            if (!Files.exists(dataDir)) {
                PrivateFiles.createDirectories(dataDir);
                return;
            }
            if (!Files.isDirectory(dataDir) || !Files.isWritable(dataDir)) {
                throw new StartupConfigurationException("The data directory " + dataDir + " is not a directory this process can write to.",
                        "Set CARELEDGER_DATA_DIR to a directory owned by the account that runs CareLedger.");
            }
            if (PrivateFiles.openToOthers(dataDir)) {
                if (!demo) {
                    throw new StartupConfigurationException("The data directory " + dataDir + " may be read by other accounts on this "
                            + "server; it holds the database and the keys.",
                            "Make it the owner's only: chmod -R go-rwx " + dataDir + " (and keep it so), then start again.");
                }
                PrivateFiles.restrict(dataDir);
                log.info("Demo install: made {} readable by its owner only", dataDir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not check the data directory " + dataDir, e);
        }
    }

    private static void checkEncrypted(Path database, Path dataDir, boolean demo, Optional<byte[]> key) {
        try {
            if (InstallDatabase.isEncrypted(database)) {
                return;
            }
            Optional<byte[]> demoKey = demo ? key.or(() -> MasterKeys.demo(dataDir)) : Optional.empty();
            if (demoKey.isPresent()) {
                log.warn("Demo install: the database in {} was written before CareLedger encrypted its database; encrypting it now", dataDir);
                try {
                    InstallDatabase.encryptInPlace(dataDir, demoKey.get(), new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
                } catch (IllegalStateException e) {
                    throw new StartupConfigurationException(e.getMessage(), "Or start the demo afresh: delete the contents of " + dataDir
                            + " except its README.");
                }
                return;
            }
            throw new StartupConfigurationException("The database " + database + " is not encrypted: it was written by a version "
                    + "of CareLedger that did not encrypt its database.",
                    "With the portal stopped and the same master key set, run: java -jar careledger.jar db encrypt --data-dir "
                            + dataDir + " (it backs the file up, encrypts it in place and checks it), then start again.");
        } catch (IOException | java.sql.SQLException e) {
            throw new StartupConfigurationException("The database " + database + " cannot be checked: " + e.getMessage(),
                    "Check that the data directory is readable by the account that runs CareLedger.");
        }
    }
}

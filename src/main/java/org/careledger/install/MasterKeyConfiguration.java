package org.careledger.install;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/** Loads the master key from the environment or a file; a demo install generates one. */
@Configuration(proxyBeanMethods = false)
class MasterKeyConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MasterKeyConfiguration.class);

    @Bean
    MasterKey masterKey(InstallSettings settings, Environment env) {
        if (!settings.masterKey().isBlank()) {
            return decode(settings.masterKey(), "CARELEDGER_MASTER_KEY");
        }
        if (!settings.masterKeyFile().isBlank()) {
            Path file = Path.of(settings.masterKeyFile());
            return decode(read(file), "the file " + file.toAbsolutePath() + " named by CARELEDGER_MASTER_KEY_FILE");
        }
        if (env.acceptsProfiles(Profiles.of(InstallPreflight.DEMO_PROFILE))) {
            return demoKey(settings.dataDir().resolve("keys").resolve("master.key"));
        }
        throw new StartupConfigurationException("No master key was given.",
                "Set CARELEDGER_MASTER_KEY or CARELEDGER_MASTER_KEY_FILE (see the README, Configuration).");
    }

    private static MasterKey demoKey(Path file) {
        if (Files.exists(file)) {
            return decode(read(file), "the demo key file " + file.toAbsolutePath());
        }
        byte[] key = new byte[MasterKey.LENGTH];
        new SecureRandom().nextBytes(key);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII,
                    StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
            restrictToOwner(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the demo master key to " + file.toAbsolutePath(), e);
        }
        log.warn("Demo install: generated a master key at {}. It protects the demo keys only; "
                + "a production install sets CARELEDGER_MASTER_KEY or CARELEDGER_MASTER_KEY_FILE.", file.toAbsolutePath());
        return new MasterKey(key);
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            log.debug("File system without POSIX permissions; {} keeps its default permissions", file);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new StartupConfigurationException("The master key file " + file.toAbsolutePath() + " cannot be read ("
                    + e.getClass().getSimpleName() + ").",
                    "Check that CARELEDGER_MASTER_KEY_FILE names a readable file holding base64 of 32 random bytes.");
        }
    }

    private static MasterKey decode(String base64, String source) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new StartupConfigurationException("The master key in " + source + " is not valid base64.",
                    "Give base64 of exactly 32 random bytes, for example the output of 'openssl rand -base64 32'.");
        }
        if (key.length != MasterKey.LENGTH) {
            throw new StartupConfigurationException("The master key in " + source + " decodes to " + key.length
                    + " bytes; it must be exactly 32.",
                    "Give base64 of exactly 32 random bytes, for example the output of 'openssl rand -base64 32'.");
        }
        return new MasterKey(key);
    }
}

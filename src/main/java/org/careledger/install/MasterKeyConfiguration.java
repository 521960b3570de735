package org.careledger.install;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.Base64;

import org.careledger.crypto.PrivateFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/** Loads the master key from the environment or a file ({@link MasterKeys}); a demo install generates one. */
@Configuration(proxyBeanMethods = false)
class MasterKeyConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MasterKeyConfiguration.class);

    @Bean
    MasterKey masterKey(InstallSettings settings, Environment env) {
        var given = MasterKeys.given(settings.masterKey(), settings.masterKeyFile());
        if (given.isPresent()) {
            return new MasterKey(given.get());
        }
        if (env.acceptsProfiles(Profiles.of(InstallPreflight.DEMO_PROFILE))) {
            return MasterKeys.demo(settings.dataDir()).map(MasterKey::new).orElseGet(() -> demoKey(settings.dataDir().resolve(MasterKeys.DEMO_KEY)));
        }
        throw new StartupConfigurationException("No master key was given.",
                "Set CARELEDGER_MASTER_KEY or CARELEDGER_MASTER_KEY_FILE (see the README, Configuration).");
    }

    private static MasterKey demoKey(Path file) {
        byte[] key = new byte[MasterKey.LENGTH];
        new SecureRandom().nextBytes(key);
        try {
            PrivateFiles.createDirectories(file.getParent());
            PrivateFiles.createFile(file);
            Files.writeString(file, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII,
                    StandardOpenOption.WRITE, StandardOpenOption.SYNC);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the demo master key to " + file.toAbsolutePath(), e);
        }
        log.warn("Demo install: generated a master key at {}. It protects the demo keys only; "
                + "a production install sets CARELEDGER_MASTER_KEY or CARELEDGER_MASTER_KEY_FILE.", file.toAbsolutePath());
        return new MasterKey(key);
    }
}

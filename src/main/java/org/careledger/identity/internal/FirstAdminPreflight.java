package org.careledger.identity.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.careledger.identity.FieldRuleViolation;
import org.careledger.identity.PasswordPolicy;
import org.careledger.install.InstallDatabase;
import org.careledger.install.StartupConfigurationException;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * Before anything is written on a new install's first start: the first admin's password must pass
 * the same policy as every other password, so a weak one is refused before the database exists
 * (and a first start never stops half-way on it). Runs after the install's own pre-flight check.
 */
class FirstAdminPreflight implements EnvironmentPostProcessor, Ordered {

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE - 5;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        if (!env.getProperty("careledger.preflight", Boolean.class, true) || env.acceptsProfiles(Profiles.of("demo"))) {
            return;
        }
        Path database = Path.of(env.getProperty("careledger.data-dir", "./chain-data")).resolve(InstallDatabase.FILE_NAME);
        String username = env.getProperty("careledger.admin.username", "").strip().toLowerCase(Locale.ROOT);
        String password = env.getProperty("careledger.admin.password", "");
        if (Files.exists(database) || username.isEmpty() || password.isEmpty()) {
            return;
        }
        try {
            PasswordPolicy.check(password, username);
        } catch (FieldRuleViolation weak) {
            throw new StartupConfigurationException("CARELEDGER_ADMIN_PASSWORD is refused: " + weak.getMessage() + ".",
                    "Set CARELEDGER_ADMIN_PASSWORD to at least 8 characters that are not a common password.");
        }
    }
}

package org.careledger.identity.internal;

import java.time.Clock;
import java.time.Instant;

import org.careledger.identity.AccountStatus;
import org.careledger.identity.FieldRuleViolation;
import org.careledger.identity.PasswordPolicy;
import org.careledger.identity.Role;
import org.careledger.identity.KeyCustody;
import org.careledger.install.InstallSettings;
import org.careledger.install.StartupConfigurationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates the first admin from {@code CARELEDGER_ADMIN_USERNAME}/{@code CARELEDGER_ADMIN_PASSWORD}
 * when the database has no admin at all. The admin must choose a new password at first sign-in, so
 * the one in the environment stops being a secret worth stealing.
 */
@Component
public class FirstAdmin {

    private final UserAccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    private final KeyCustody custody;
    private final InstallSettings settings;
    private final SecurityEvents securityLog;
    private final Clock clock;

    FirstAdmin(UserAccountRepository accounts, PasswordEncoder passwordEncoder, KeyCustody custody,
               InstallSettings settings, SecurityEvents securityLog, Clock clock) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.custody = custody;
        this.settings = settings;
        this.securityLog = securityLog;
        this.clock = clock;
    }

    /**
     * Refuses to go on when no account may administer the install: nobody could approve an account.
     *
     * @throws StartupConfigurationException naming the variables that create the first admin
     */
    @Transactional(readOnly = true)
    public void requireAnActiveAdmin() {
        if (accounts.countByRoleAndStatus(Role.ADMIN, AccountStatus.ACTIVE) == 0) {
            throw new StartupConfigurationException("No active admin: the database in " + settings.dataDir().toAbsolutePath().normalize()
                    + " has no admin who could sign in to approve accounts (a first start may have stopped before creating one).",
                    "Set CARELEDGER_ADMIN_USERNAME and CARELEDGER_ADMIN_PASSWORD (at least 8 characters, not a common password) "
                            + "and start again: the admin is created then, and must choose a new password at first sign-in.");
        }
    }

    /** Creates the admin from the install settings if there is none; returns whether it did. */
    @Transactional
    public boolean createIfNone() {
        if (accounts.countByRoleAndStatus(Role.ADMIN, AccountStatus.ACTIVE) > 0 || !settings.admin().isSet()) {
            return false;
        }
        String username = settings.admin().username().strip().toLowerCase(java.util.Locale.ROOT);
        try {
            PasswordPolicy.check(settings.admin().password(), username);
        } catch (FieldRuleViolation weak) {
            throw new StartupConfigurationException("CARELEDGER_ADMIN_PASSWORD is refused: " + weak.getMessage() + ".",
                    "Set CARELEDGER_ADMIN_PASSWORD to at least 8 characters that are not a common password.");
        }
        UserAccount admin = new UserAccount(username, null, passwordEncoder.encode(settings.admin().password()),
                Role.ADMIN, "Administrator", Instant.now(clock));
        admin.decide(AccountStatus.ACTIVE, null, "install", Instant.now(clock));
        admin.changePassword(admin.getPasswordHash(), true);
        accounts.saveAndFlush(admin);
        custody.issueKey(admin.userId());
        securityLog.record("FIRST_ADMIN", username, "created");
        return true;
    }
}

package org.careledger.identity;

import jakarta.annotation.security.PermitAll;

import org.careledger.common.InvalidInputException;
import org.careledger.identity.internal.SecurityEvents;
import org.careledger.identity.internal.UserAccount;
import org.careledger.identity.internal.UserAccountRepository;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What a signed-in user does with their own account. */
@Service
@PermitAll
@Transactional
public class AccountSelfService {

    public static final String CURRENT_PASSWORD = "currentPassword", NEW_PASSWORD = "newPassword";

    private final UserAccountRepository accounts;
    private final CurrentUser currentUser;
    private final PasswordEncoder passwordEncoder;
    private final SecurityEvents securityLog;

    AccountSelfService(UserAccountRepository accounts, CurrentUser currentUser, PasswordEncoder passwordEncoder,
                       SecurityEvents securityLog) {
        this.accounts = accounts;
        this.currentUser = currentUser;
        this.passwordEncoder = passwordEncoder;
        this.securityLog = securityLog;
    }

    /** Changes the signed-in user's password; the current one must be given. */
    public void changePassword(String currentPassword, String newPassword) {
        String username = currentUser.username().orElseThrow(() -> new AccessDeniedException("Sign in first"));
        UserAccount account = accounts.findByUsernameIgnoreCase(username)
                .orElseThrow(() -> new AccessDeniedException("Sign in first"));
        if (currentPassword == null || !passwordEncoder.matches(currentPassword, account.getPasswordHash())) {
            securityLog.record("PASSWORD_CHANGE", username, "wrong current password");
            throw InvalidInputException.of(CURRENT_PASSWORD, "The current password is not correct");
        }
        try {
            PasswordPolicy.check(newPassword, username);
        } catch (FieldRuleViolation e) {
            throw InvalidInputException.of(NEW_PASSWORD, e.getMessage());
        }
        if (passwordEncoder.matches(newPassword, account.getPasswordHash())) {
            throw InvalidInputException.of(NEW_PASSWORD, "Choose a password different from the current one");
        }
        account.changePassword(passwordEncoder.encode(newPassword), false);
        securityLog.record("PASSWORD_CHANGE", username, "changed");
    }

    /** True when an admin reset the password and the user must choose a new one before going on. */
    @Transactional(readOnly = true)
    public boolean mustChangePassword() {
        return currentUser.username().flatMap(accounts::findByUsernameIgnoreCase)
                .map(UserAccount::isMustChangePassword).orElse(false);
    }
}

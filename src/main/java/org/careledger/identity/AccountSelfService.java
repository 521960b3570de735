package org.careledger.identity;

import java.util.LinkedHashMap;
import java.util.Map;

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

    /** Field names as the change-password form knows them. */
    public static final String CURRENT_PASSWORD = "currentPassword", NEW_PASSWORD = "newPassword", REPEATED_PASSWORD = "repeatPassword";

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

    /**
     * Changes the signed-in user's password. The current password must be given and correct, the new
     * one obey {@link PasswordPolicy} and differ from it, and its repetition match. Every problem is
     * reported at once, one message per field; nothing changes unless all pass.
     *
     * @throws InvalidInputException under {@link #CURRENT_PASSWORD}, {@link #NEW_PASSWORD} and
     *         {@link #REPEATED_PASSWORD}
     */
    public void changePassword(String currentPassword, String newPassword, String repeatedPassword) {
        String username = currentUser.username().orElseThrow(() -> new AccessDeniedException("Sign in first"));
        UserAccount account = accounts.findByUsernameIgnoreCase(username)
                .orElseThrow(() -> new AccessDeniedException("Sign in first"));
        Map<String, String> errors = new LinkedHashMap<>();
        boolean currentIsRight = false;
        if (currentPassword == null || currentPassword.isEmpty()) {
            errors.put(CURRENT_PASSWORD, "Enter your current password");
        } else if (passwordEncoder.matches(currentPassword, account.getPasswordHash())) {
            currentIsRight = true;
        } else {
            securityLog.record("PASSWORD_CHANGE", username, "wrong current password");
            errors.put(CURRENT_PASSWORD, "The current password is not correct");
        }
        if (newPassword == null || newPassword.isEmpty()) {
            errors.put(NEW_PASSWORD, "Choose a new password");
        } else {
            try {
                PasswordPolicy.check(newPassword, username);
                if (currentIsRight && passwordEncoder.matches(newPassword, account.getPasswordHash())) {
                    errors.put(NEW_PASSWORD, "Choose a password different from the current one");
                }
            } catch (FieldRuleViolation e) {
                errors.put(NEW_PASSWORD, e.getMessage());
            }
        }
        try {
            RegistrationRules.repeatedPassword(newPassword, repeatedPassword, "Type the new password again", "The two new passwords differ");
        } catch (FieldRuleViolation e) {
            errors.put(REPEATED_PASSWORD, e.getMessage());
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
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

package org.careledger.identity;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;

import org.careledger.common.InvalidInputException;
import org.careledger.common.NotFoundException;
import org.careledger.common.OperationNotAllowedException;
import org.careledger.crypto.Address;
import org.careledger.identity.internal.LoginThrottle;
import org.careledger.identity.internal.SecurityEvents;
import org.careledger.identity.internal.UserAccount;
import org.careledger.identity.internal.UserAccountRepository;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What admins do with accounts: decide registrations, search, change a staff member's role, disable
 * and re-enable, reset a password, lift the sign-in throttle. Every method requires the ADMIN role,
 * whatever the UI shows. The last active admin can be neither disabled nor demoted.
 */
@Service
@RolesAllowed(AppRoles.ADMIN)
@Transactional
public class AccountAdministration {

    private static final char[] TEMP_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789".toCharArray();

    private final UserAccountRepository accounts;
    private final UserDirectory directory;
    private final KeyCustody custody;
    private final PatientQrCodes qrCodes;
    private final CurrentUser currentUser;
    private final PasswordEncoder passwordEncoder;
    private final ApplicationEventPublisher events;
    private final SecurityEvents securityLog;
    private final LoginThrottle throttle;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    AccountAdministration(UserAccountRepository accounts, UserDirectory directory, KeyCustody custody,
                          PatientQrCodes qrCodes, CurrentUser currentUser, PasswordEncoder passwordEncoder,
                          ApplicationEventPublisher events, SecurityEvents securityLog, LoginThrottle throttle, Clock clock) {
        this.accounts = accounts;
        this.directory = directory;
        this.custody = custody;
        this.qrCodes = qrCodes;
        this.currentUser = currentUser;
        this.passwordEncoder = passwordEncoder;
        this.events = events;
        this.securityLog = securityLog;
        this.throttle = throttle;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<UserProfile> pendingRegistrations() {
        return directory.profiles(accounts.findByStatusOrderByCreatedAtAsc(AccountStatus.PENDING));
    }

    /** Users whose name or username contains {@code text}, optionally of one role and status. */
    @Transactional(readOnly = true)
    public List<UserProfile> search(String text, Role role, AccountStatus status) {
        String lower = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return directory.profiles(accounts.search(lower, role, status));
    }

    /** Active accounts per role. */
    @Transactional(readOnly = true)
    public Map<Role, Long> activeCounts() {
        Map<Role, Long> counts = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            counts.put(role, accounts.countByRoleAndStatus(role, AccountStatus.ACTIVE));
        }
        return counts;
    }

    @Transactional(readOnly = true)
    public long pendingCount() {
        return accounts.countByStatus(AccountStatus.PENDING);
    }

    /**
     * What the signed-in admin may do to {@code user} now, by the same rules the methods below check:
     * a staff member's role can be changed; an active account can be disabled, unless it is the
     * admin's own or the last active admin; a disabled one enabled; any account's password reset; an
     * account whose username some client (or every client) is refused unlocked.
     * Views offer exactly these; the methods refuse anything else whatever a view offers.
     */
    @Transactional(readOnly = true)
    public Set<AccountAction> actionsOn(UserProfile user) {
        return actionsOn(List.of(user)).get(user.id());
    }

    /**
     * {@link #actionsOn(UserProfile)} for a whole list, with what the rules read (the number of active
     * admins, the locked usernames) read once for the list rather than once per user.
     */
    @Transactional(readOnly = true)
    public Map<UserId, Set<AccountAction>> actionsOn(List<UserProfile> users) {
        long activeAdmins = accounts.countByRoleAndStatus(Role.ADMIN, AccountStatus.ACTIVE);
        Set<String> locked = throttle.lockedAmong(users.stream().map(UserProfile::username).toList());
        Map<UserId, Set<AccountAction>> out = new HashMap<>();
        for (UserProfile user : users) {
            Set<AccountAction> allowed = EnumSet.noneOf(AccountAction.class);
            if (user.role().isStaff()) {
                allowed.add(AccountAction.CHANGE_ROLE);
            }
            boolean lastAdmin = user.role() == Role.ADMIN && user.status() == AccountStatus.ACTIVE && activeAdmins <= 1;
            if (user.status() == AccountStatus.ACTIVE && !isSelf(user.username()) && !lastAdmin) {
                allowed.add(AccountAction.DISABLE);
            }
            if (user.status() == AccountStatus.DISABLED) {
                allowed.add(AccountAction.ENABLE);
            }
            allowed.add(AccountAction.RESET_PASSWORD);
            if (locked.contains(LoginThrottle.key(user.username()))) {
                allowed.add(AccountAction.UNLOCK);
            }
            out.put(user.id(), allowed);
        }
        return out;
    }

    /** Approves a pending registration and gives the user a ledger key pair. */
    public UserProfile approve(UserId id) {
        UserAccount account = load(id);
        requireStatus(account, AccountStatus.PENDING, "approved");
        account.decide(AccountStatus.ACTIVE, null, actor(), Instant.now(clock));
        Address address = custody.issueKey(id);
        if (account.getRole() == Role.PATIENT) {
            qrCodes.createSalt(id);
        }
        securityLog.record("APPROVAL", account.getUsername(), "approved " + account.getRole(), actor());
        events.publishEvent(new UserApproved(id, account.getRole(), address, actor()));
        return directory.profile(account);
    }

    /** Refuses a pending registration with a reason the applicant reads at sign-in (one line, see {@link RegistrationRules#rejectionReason}). */
    public UserProfile reject(UserId id, String reason) {
        String why;
        try {
            why = RegistrationRules.rejectionReason(reason);
        } catch (FieldRuleViolation e) {
            throw InvalidInputException.of("reason", e.getMessage());
        }
        UserAccount account = load(id);
        requireStatus(account, AccountStatus.PENDING, "rejected");
        account.decide(AccountStatus.REJECTED, why, actor(), Instant.now(clock));
        securityLog.record("APPROVAL", account.getUsername(), "rejected", actor());
        events.publishEvent(new UserRejected(id, why, actor()));
        return directory.profile(account);
    }

    public UserProfile disable(UserId id) {
        UserAccount account = load(id);
        requireStatus(account, AccountStatus.ACTIVE, "disabled");
        if (isSelf(account.getUsername())) {
            throw new OperationNotAllowedException("You cannot disable your own account; ask another admin");
        }
        requireAnotherActiveAdmin(account, "disabled");
        account.decide(AccountStatus.DISABLED, null, actor(), Instant.now(clock));
        securityLog.record("DISABLE", account.getUsername(), "disabled", actor());
        events.publishEvent(new UserSessionsEnded(id, account.getUsername(), "account disabled"));
        return directory.profile(account);
    }

    public UserProfile enable(UserId id) {
        UserAccount account = load(id);
        requireStatus(account, AccountStatus.DISABLED, "enabled");
        account.decide(AccountStatus.ACTIVE, null, actor(), Instant.now(clock));
        securityLog.record("ENABLE", account.getUsername(), "enabled", actor());
        return directory.profile(account);
    }

    /**
     * Sets a doctor's specialty ("Cardiology"), which patients search by when they book; blank clears it.
     *
     * @throws InvalidInputException if it is longer than 80 characters or spans lines
     */
    public UserProfile setSpecialty(UserId id, String specialty) {
        UserAccount account = load(id);
        if (account.getRole() != Role.DOCTOR) {
            throw new OperationNotAllowedException("Only doctors have a specialty");
        }
        String s = specialty == null ? "" : specialty.strip();
        if (s.length() > 80 || s.chars().anyMatch(Character::isISOControl)) {
            throw InvalidInputException.of("specialty", "A specialty is one line of at most 80 characters");
        }
        account.specialty(s.isEmpty() ? null : s);
        return directory.profile(account);
    }

    /** Moves a staff member between the staff roles; patients stay patients. */
    public UserProfile changeRole(UserId id, Role newRole) {
        UserAccount account = load(id);
        if (newRole == null || !newRole.isStaff() || !account.getRole().isStaff()) {
            throw new OperationNotAllowedException("Only staff roles (admin, doctor, pharmacist) can be changed, and only among themselves");
        }
        if (account.getRole() == newRole) {
            return directory.profile(account);
        }
        if (account.getRole() == Role.ADMIN) {
            requireAnotherActiveAdmin(account, "demoted");
        }
        Role old = account.getRole();
        account.changeRole(newRole);
        securityLog.record("ROLE_CHANGE", account.getUsername(), old + "->" + newRole, actor());
        events.publishEvent(new UserRoleChanged(id, old, newRole, actor()));
        events.publishEvent(new UserSessionsEnded(id, account.getUsername(), "role changed"));
        return directory.profile(account);
    }

    /**
     * Sets a random temporary password, which the admin passes on; the user must choose a new one
     * at the next sign-in. Returns the temporary password, shown once.
     */
    public String resetPassword(UserId id) {
        UserAccount account = load(id);
        StringBuilder temp = new StringBuilder();
        for (int i = 0; i < 14; i++) {
            temp.append(TEMP_ALPHABET[random.nextInt(TEMP_ALPHABET.length)]);
        }
        account.changePassword(passwordEncoder.encode(temp), true);
        securityLog.record("PASSWORD_RESET", account.getUsername(), "reset", actor());
        events.publishEvent(new UserSessionsEnded(id, account.getUsername(), "password reset"));
        return temp.toString();
    }

    /**
     * Lets every client try this account's username again: clears the throttle's counts for it, each
     * client's and the one over every client. A guesser who goes on is throttled again as before.
     */
    public UserProfile unlock(UserId id) {
        UserAccount account = load(id);
        throttle.unlock(account.getUsername());
        securityLog.record("UNLOCK", account.getUsername(), "unlocked", actor());
        return directory.profile(account);
    }

    private boolean isSelf(String username) {
        return username.equalsIgnoreCase(actor());
    }

    private boolean isLastActiveAdmin(Role role, AccountStatus status) {
        return role == Role.ADMIN && status == AccountStatus.ACTIVE && accounts.countByRoleAndStatus(Role.ADMIN, AccountStatus.ACTIVE) <= 1;
    }

    private void requireAnotherActiveAdmin(UserAccount account, String what) {
        if (isLastActiveAdmin(account.getRole(), account.getStatus())) {
            throw new OperationNotAllowedException("The last active admin cannot be " + what + "; approve or promote another admin first");
        }
    }

    private static void requireStatus(UserAccount account, AccountStatus expected, String what) {
        if (account.getStatus() != expected) {
            throw new OperationNotAllowedException("Only an account whose status is \"" + expected.label() + "\" can be " + what
                    + "; this one's is \"" + account.getStatus().label() + "\"");
        }
    }

    private UserAccount load(UserId id) {
        return accounts.findById(id.value()).orElseThrow(() -> new NotFoundException("No account with id " + id.value()));
    }

    private String actor() {
        return currentUser.username().orElse("system");
    }
}

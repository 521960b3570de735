package org.careledger.identity;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.careledger.common.InvalidInputException;
import org.careledger.identity.internal.RegistrationAttempt;
import org.careledger.identity.internal.RegistrationAttemptRepository;
import org.careledger.identity.internal.SecurityEvents;
import org.careledger.identity.internal.UserAccount;
import org.careledger.identity.internal.UserAccountRepository;
import org.careledger.provider.ProviderKind;
import org.careledger.provider.ProviderView;
import org.careledger.provider.Providers;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Self-registration. Every field is checked on the server; all problems are reported together, one
 * message per field, and nothing is saved unless all pass. A new account is PENDING until an admin
 * decides.
 */
@Service
public class RegistrationService {

    /** Field names as the registration form knows them. */
    public static final String ROLE = "role", FULL_NAME = "fullName", MOBILE = "mobile", EMAIL = "email",
            DATE_OF_BIRTH = "dateOfBirth", ADDRESS = "address", REGISTRATION_NUMBER = "registrationNumber",
            PROVIDER = "provider", INSURANCE_PROVIDER = "insuranceProvider", POLICY_NUMBER = "policyNumber",
            PASSWORD = "password", REPEATED_PASSWORD = "confirmPassword";

    private final UserAccountRepository accounts;
    private final RegistrationAttemptRepository attempts;
    private final Providers providers;
    private final PasswordEncoder passwordEncoder;
    private final ApplicationEventPublisher events;
    private final SecurityEvents securityLog;
    private final Clock clock;

    RegistrationService(UserAccountRepository accounts, RegistrationAttemptRepository attempts, Providers providers, PasswordEncoder passwordEncoder,
                        ApplicationEventPublisher events, SecurityEvents securityLog, Clock clock) {
        this.accounts = accounts;
        this.attempts = attempts;
        this.providers = providers;
        this.passwordEncoder = passwordEncoder;
        this.events = events;
        this.securityLog = securityLog;
        this.clock = clock;
    }

    /**
     * Registers a doctor, patient or pharmacist whom a program registers, not a person typing (the
     * demo's seeders): as {@link #register(RegistrationRequest, String)}, with no repeated password to check.
     */
    @Transactional
    public Optional<UserId> register(RegistrationRequest request) {
        return register(request, null, false);
    }

    /**
     * Registers a doctor, patient or pharmacist from the registration form, where the person typed
     * the password twice ({@code repeatedPassword}). Every field is checked, the repetition too, and
     * every problem is reported at once. An email address that already has an account is
     * answered exactly as a new one (no error, the same work, hence about the same time: the password
     * is hashed either way), so nobody learns through registration whether someone is known here;
     * no second account is made, the owner is told in their inbox and the admins see the attempt
     * ({@link ExistingEmailRegistered}, {@link RegistrationAttempts}).
     *
     * @return the new account, or empty when the email was already in use; what a person is shown must
     *         not depend on it
     * @throws InvalidInputException with one message per field that broke a rule
     */
    @Transactional
    public Optional<UserId> register(RegistrationRequest request, String repeatedPassword) {
        return register(request, repeatedPassword, true);
    }

    private Optional<UserId> register(RegistrationRequest request, String repeatedPassword, boolean typedTwice) {
        Map<String, String> errors = new LinkedHashMap<>();
        Role role = request.role();
        if (role == null || role == Role.ADMIN) {
            errors.put(ROLE, "Choose whether you register as a doctor, patient or pharmacist");
        }
        String name = check(errors, FULL_NAME, () -> RegistrationRules.fullName(request.fullName()));
        String mobile = check(errors, MOBILE, () -> RegistrationRules.mobile(request.mobile()));
        String email = check(errors, EMAIL, () -> RegistrationRules.email(request.email()));
        check(errors, PASSWORD, () -> {
            PasswordPolicy.check(request.password(), request.email());
            return "";
        });
        if (typedTwice) {
            check(errors, REPEATED_PASSWORD, () -> {
                RegistrationRules.repeatedPassword(request.password(), repeatedPassword, "Type the password again", "The two passwords differ");
                return "";
            });
        }
        boolean personal = role == Role.DOCTOR || role == Role.PATIENT;
        boolean staff = role == Role.DOCTOR || role == Role.PHARMACIST;
        LocalDate dateOfBirth = personal ? check(errors, DATE_OF_BIRTH, () -> RegistrationRules.dateOfBirth(request.dateOfBirth(), clock)) : null;
        String address = personal ? check(errors, ADDRESS, () -> RegistrationRules.postalAddress(request.address())) : null;
        String number = staff ? check(errors, REGISTRATION_NUMBER, () -> RegistrationRules.referenceNumber(request.registrationNumber(),
                role == Role.DOCTOR ? "medical registration number" : "pharmacy licence number")) : null;
        Long providerId = staff ? check(errors, PROVIDER, () -> provider(request.providerId(),
                role == Role.DOCTOR ? ProviderKind.HOSPITAL : ProviderKind.PHARMACY)) : null;
        String insurer = role == Role.PATIENT ? check(errors, INSURANCE_PROVIDER,
                () -> RegistrationRules.organisation(request.insuranceProvider(), "health-insurance provider")) : null;
        String policy = role == Role.PATIENT ? check(errors, POLICY_NUMBER,
                () -> RegistrationRules.referenceNumber(request.policyNumber(), "policy number")) : null;
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        String passwordHash = passwordEncoder.encode(request.password()); // before looking: both answers cost the same
        Optional<UserAccount> existing = accounts.findByEmailIgnoreCase(email).or(() -> accounts.findByUsernameIgnoreCase(email));
        if (existing.isPresent()) {
            attempted(existing.get(), role, name, email);
            return Optional.empty();
        }
        UserAccount account = new UserAccount(email, email, passwordHash, role, name, Instant.now(clock));
        account.contact(mobile, dateOfBirth, address);
        if (staff) {
            account.staffDetails(providerId, number);
        }
        if (role == Role.PATIENT) {
            account.insurance(insurer, policy);
        }
        UserAccount saved = accounts.saveAndFlush(account); // a registration racing for the same email fails on the unique key: an error, rare
        securityLog.record("REGISTRATION", email, "pending " + role);
        events.publishEvent(new UserRegistered(saved.userId(), role, name));
        return Optional.of(saved.userId());
    }

    /** Records a registration made with the email of an existing account, and who is to be told. */
    private void attempted(UserAccount existing, Role role, String name, String email) {
        attempts.save(new RegistrationAttempt(existing.getId(), role, name, Instant.now(clock)));
        securityLog.record("REGISTRATION", email, "refused quietly: the email belongs to an existing account");
        events.publishEvent(new ExistingEmailRegistered(existing.userId(), role, name));
    }

    private Long provider(Long id, ProviderKind kind) {
        String what = kind == ProviderKind.HOSPITAL ? "hospital" : "pharmacy";
        if (id == null) {
            throw new FieldRuleViolation("Choose your " + what);
        }
        ProviderView provider = providers.find(id)
                .filter(p -> p.kind() == kind)
                .orElseThrow(() -> new FieldRuleViolation("Choose a " + what + " from the list"));
        return provider.id();
    }

    private static <T> T check(Map<String, String> errors, String field, Supplier<T> rule) {
        try {
            return rule.get();
        } catch (FieldRuleViolation e) {
            errors.putIfAbsent(field, e.getMessage());
            return null;
        }
    }
}

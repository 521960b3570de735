package org.careledger.identity;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.careledger.common.InvalidInputException;
import org.careledger.identity.internal.SecurityEvents;
import org.careledger.identity.internal.UserAccount;
import org.careledger.identity.internal.UserAccountRepository;
import org.careledger.provider.ProviderKind;
import org.careledger.provider.ProviderView;
import org.careledger.provider.Providers;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
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
            PASSWORD = "password";

    private final UserAccountRepository accounts;
    private final Providers providers;
    private final PasswordEncoder passwordEncoder;
    private final ApplicationEventPublisher events;
    private final SecurityEvents securityLog;
    private final Clock clock;

    RegistrationService(UserAccountRepository accounts, Providers providers, PasswordEncoder passwordEncoder,
                        ApplicationEventPublisher events, SecurityEvents securityLog, Clock clock) {
        this.accounts = accounts;
        this.providers = providers;
        this.passwordEncoder = passwordEncoder;
        this.events = events;
        this.securityLog = securityLog;
        this.clock = clock;
    }

    /**
     * Registers a doctor, patient or pharmacist.
     *
     * @throws InvalidInputException with one message per field that broke a rule
     */
    @Transactional
    public UserId register(RegistrationRequest request) {
        Map<String, String> errors = new LinkedHashMap<>();
        Role role = request.role();
        if (role == null || role == Role.ADMIN) {
            errors.put(ROLE, "Choose whether you register as a doctor, patient or pharmacist");
        }
        String name = check(errors, FULL_NAME, () -> RegistrationRules.fullName(request.fullName()));
        String mobile = check(errors, MOBILE, () -> RegistrationRules.mobile(request.mobile()));
        String email = check(errors, EMAIL, () -> RegistrationRules.email(request.email()));
        if (email != null && (accounts.existsByEmailIgnoreCase(email) || accounts.existsByUsernameIgnoreCase(email))) {
            errors.put(EMAIL, "An account with this email address already exists");
        }
        check(errors, PASSWORD, () -> {
            PasswordPolicy.check(request.password(), request.email());
            return "";
        });
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
        UserAccount account = new UserAccount(email, email, passwordEncoder.encode(request.password()), role, name, Instant.now(clock));
        account.contact(mobile, dateOfBirth, address);
        if (staff) {
            account.staffDetails(providerId, number);
        }
        if (role == Role.PATIENT) {
            account.insurance(insurer, policy);
        }
        UserAccount saved;
        try {
            saved = accounts.saveAndFlush(account);
        } catch (DataIntegrityViolationException raced) {
            throw InvalidInputException.of(EMAIL, "An account with this email address already exists");
        }
        securityLog.record("REGISTRATION", email, "pending " + role);
        events.publishEvent(new UserRegistered(saved.userId(), role, name));
        return saved.userId();
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

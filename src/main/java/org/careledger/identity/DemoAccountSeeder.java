package org.careledger.identity;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import org.careledger.crypto.DevAccounts;
import org.careledger.identity.DemoAccounts.DemoAccount;
import org.careledger.identity.internal.UserAccount;
import org.careledger.identity.internal.UserAccountRepository;
import org.careledger.provider.ProviderKind;
import org.careledger.provider.ProviderView;
import org.careledger.provider.Providers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Seeds the demo install's accounts on an empty database: the four demo users, active and holding
 * dev genesis accounts 0 to 3, and two registrations waiting in the admin's approval queue. The
 * registrations go through {@link RegistrationService}, so demo data obeys the same rules.
 */
@Component
@Profile("demo")
@Order(21)
class DemoAccountSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoAccountSeeder.class);

    private final UserAccountRepository accounts;
    private final RegistrationService registration;
    private final KeyCustody custody;
    private final PatientQrCodes qrCodes;
    private final Providers providers;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;

    DemoAccountSeeder(UserAccountRepository accounts, RegistrationService registration, KeyCustody custody,
                      PatientQrCodes qrCodes, Providers providers, PasswordEncoder passwordEncoder, Clock clock) {
        this.accounts = accounts;
        this.registration = registration;
        this.custody = custody;
        this.qrCodes = qrCodes;
        this.providers = providers;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        seed();
    }

    /** Returns whether it seeded anything; runs in the caller's transaction. */
    boolean seed() {
        if (accounts.count() > 0) {
            return false;
        }
        long hospital = firstOfKind(ProviderKind.HOSPITAL);
        long pharmacy = firstOfKind(ProviderKind.PHARMACY);
        createAdmin(DemoAccounts.ADMIN);
        activate(register(DemoAccounts.DOCTOR, hospital, "GMC-7081234", LocalDate.of(1979, 3, 14)), DemoAccounts.DOCTOR);
        activate(register(DemoAccounts.PATIENT, null, "NHS-485-777-3456", LocalDate.of(1988, 11, 2)), DemoAccounts.PATIENT);
        activate(register(DemoAccounts.PHARMACIST, pharmacy, "GPHC-2054321", null), DemoAccounts.PHARMACIST);
        registration.register(new RegistrationRequest(Role.DOCTOR, "Dr. Priya Raman", "+44 7700 900456",
                "priya.raman@careledger.test", LocalDate.of(1985, 6, 21), "12 Harbour Road, Bristol",
                "GMC-7099876", hospital, null, null, "waiting-for-approval"));
        registration.register(new RegistrationRequest(Role.PATIENT, "Mateo Fernández", "+34 612 345 678",
                "mateo.fernandez@careledger.test", LocalDate.of(1992, 1, 30), "Calle Mayor 5, Madrid",
                null, null, "Sanitas", "SAN-33-99812", "waiting-for-approval"));
        log.info("Demo install: seeded {} accounts; the login page lists the demo sign-ins", accounts.count());
        return true;
    }

    private UserId register(DemoAccount demo, Long providerId, String number, LocalDate dob) {
        boolean patient = demo.role() == Role.PATIENT;
        return registration.register(new RegistrationRequest(demo.role(), demo.fullName(), "+44 7700 90010" + demo.devAccountIndex(),
                demo.username(), dob, patient ? "4 Elm Close, Cambridge" : "1 Hospital Lane, Cambridge",
                patient ? null : number, providerId, patient ? "Bupa" : null, patient ? number : null, demo.password()))
                .orElseThrow(() -> new IllegalStateException("The demo account " + demo.username() + " exists already"));
    }

    private void activate(UserId id, DemoAccount demo) {
        UserAccount account = accounts.findById(id.value()).orElseThrow();
        account.decide(AccountStatus.ACTIVE, null, DemoAccounts.ADMIN.username(), Instant.now(clock));
        custody.assignKey(id, DevAccounts.ganacheAccount(demo.devAccountIndex()));
        if (demo.role() == Role.PATIENT) {
            qrCodes.createSalt(id);
        }
    }

    private void createAdmin(DemoAccount demo) {
        UserAccount admin = new UserAccount(demo.username(), demo.username(), passwordEncoder.encode(demo.password()),
                Role.ADMIN, demo.fullName(), Instant.now(clock));
        admin.contact("+44 7700 900100", null, null);
        admin.decide(AccountStatus.ACTIVE, null, "install", Instant.now(clock));
        accounts.saveAndFlush(admin);
        custody.assignKey(admin.userId(), DevAccounts.ganacheAccount(demo.devAccountIndex()));
    }

    private long firstOfKind(ProviderKind kind) {
        return providers.ofKind(kind).stream().findFirst().map(ProviderView::id)
                .orElseThrow(() -> new IllegalStateException("Demo providers must be seeded before demo accounts"));
    }
}

package org.careledger.identity;

import java.time.LocalDate;
import java.util.List;

import org.careledger.IntegrationTest;
import org.careledger.common.InvalidInputException;
import org.careledger.inbox.Inbox;
import org.careledger.inbox.InboxMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class RegistrationServiceTest extends IntegrationTest {

    @Autowired
    ApplicationContext ctx;
    @Autowired
    RegistrationService registration;
    @Autowired
    UserDirectory directory;
    @Autowired
    Inbox inbox;

    TestAccounts accounts;

    @BeforeEach
    void setUp() {
        accounts = new TestAccounts(ctx);
    }

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    @Test
    void aValidPatientRegistrationCreatesAPendingAccountWithTheNormalisedDetails() {
        String email = TestAccounts.uniqueEmail("Patient").replace("@test", "@Test");
        UserId id = registration.register(new RegistrationRequest(Role.PATIENT, "  Zoe\u0308 O'Brien ", "+44 7700-900 123",
                email, LocalDate.of(1990, 5, 17), "4 Elm Close", null, null, "Bupa", "bup-1234", TestAccounts.PASSWORD)).orElseThrow();

        UserProfile profile = directory.find(id).orElseThrow();
        assertThat(profile.status()).isEqualTo(AccountStatus.PENDING);
        assertThat(profile.role()).isEqualTo(Role.PATIENT);
        assertThat(profile.username()).isEqualTo(email.toLowerCase()).isEqualTo(profile.email());
        assertThat(profile.fullName()).isEqualTo("Zoë O'Brien");
        assertThat(profile.mobile()).isEqualTo("+447700900123");
        assertThat(profile.policyNumber()).isEqualTo("BUP-1234");
        assertThat(profile.insuranceProvider()).isEqualTo("Bupa");
        assertThat(profile.ledgerAddress()).as("no key before approval").isNull();
        assertThat(directory.findByUsername(email.toUpperCase())).map(UserProfile::id).contains(id);
    }

    @Test
    void aValidDoctorRegistrationIsPendingWithItsHospitalAndRegistrationNumber() {
        UserProfile doctor = accounts.pending(Role.DOCTOR);
        assertThat(doctor.status()).isEqualTo(AccountStatus.PENDING);
        assertThat(doctor.role()).isEqualTo(Role.DOCTOR);
        assertThat(doctor.providerId()).isEqualTo(accounts.hospitalId());
        assertThat(doctor.registrationNumber()).isEqualTo("GMC-123/4");
        assertThat(doctor.dateOfBirth()).isEqualTo(LocalDate.of(1980, 1, 2));
    }

    @Test
    void aValidPharmacistRegistrationIsPendingWithItsPharmacy() {
        UserProfile pharmacist = accounts.pending(Role.PHARMACIST);
        assertThat(pharmacist.status()).isEqualTo(AccountStatus.PENDING);
        assertThat(pharmacist.role()).isEqualTo(Role.PHARMACIST);
        assertThat(pharmacist.providerId()).isEqualTo(accounts.pharmacyId());
        assertThat(pharmacist.dateOfBirth()).isNull();
        assertThat(pharmacist.address()).isNull();
    }

    @Test
    void everyBrokenRuleIsReportedTogetherWithItsFieldAndNothingIsSaved() {
        String email = "not-an-email";
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> registration.register(
                new RegistrationRequest(Role.PATIENT, "<script>alert(1)</script>", "12345", email,
                        LocalDate.now().plusDays(1), "", null, null, "", "AB 12", "short")));

        assertThat(e.fieldErrors()).containsOnlyKeys(RegistrationService.FULL_NAME, RegistrationService.MOBILE,
                RegistrationService.EMAIL, RegistrationService.PASSWORD, RegistrationService.DATE_OF_BIRTH,
                RegistrationService.ADDRESS, RegistrationService.INSURANCE_PROVIDER, RegistrationService.POLICY_NUMBER);
        assertThat(e.fieldErrors())
                .containsEntry(RegistrationService.FULL_NAME, "Use letters, spaces, apostrophes, periods and hyphens only")
                .containsEntry(RegistrationService.EMAIL, "Enter a valid email address, such as name@example.org")
                .containsEntry(RegistrationService.PASSWORD, "A password has at least 8 characters")
                .containsEntry(RegistrationService.DATE_OF_BIRTH, "A date of birth lies in the past")
                .containsEntry(RegistrationService.ADDRESS, "Enter your address")
                .containsEntry(RegistrationService.POLICY_NUMBER, "A policy number has 4 to 20 letters, digits, '-' or '/'");
        assertThat(directory.findByUsername(email)).isEmpty();
    }

    @Test
    void aPersonWhoTypedThePasswordTwiceDifferentlyHearsItWithEveryOtherProblemAndNothingIsSaved() {
        String email = TestAccounts.uniqueEmail("twice");
        RegistrationRequest request = new RegistrationRequest(Role.PATIENT, "<script>alert(1)</script>", "12345", email,
                null, "", null, null, "", "AB 12", TestAccounts.PASSWORD);

        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> registration.register(request, TestAccounts.PASSWORD + "x"));

        assertThat(e.fieldErrors()).containsOnlyKeys(RegistrationService.FULL_NAME, RegistrationService.MOBILE,
                RegistrationService.REPEATED_PASSWORD, RegistrationService.DATE_OF_BIRTH, RegistrationService.ADDRESS,
                RegistrationService.INSURANCE_PROVIDER, RegistrationService.POLICY_NUMBER);
        assertThat(e.fieldErrors()).containsEntry(RegistrationService.REPEATED_PASSWORD, "The two passwords differ");
        assertThat(catchThrowableOfType(InvalidInputException.class,
                () -> registration.register(TestAccounts.patient(email, TestAccounts.uniqueName("Tess")), "")).fieldErrors())
                .containsExactly(org.assertj.core.api.Assertions.entry(RegistrationService.REPEATED_PASSWORD, "Type the password again"));
        assertThat(directory.findByUsername(email)).isEmpty();
    }

    @Test
    void aDoctorMissingEverythingHearsAboutEachDoctorField() {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> registration.register(
                new RegistrationRequest(Role.DOCTOR, null, null, null, null, null, null, null, null, null, null)));
        assertThat(e.fieldErrors()).containsOnlyKeys(RegistrationService.FULL_NAME, RegistrationService.MOBILE,
                RegistrationService.EMAIL, RegistrationService.PASSWORD, RegistrationService.DATE_OF_BIRTH,
                RegistrationService.ADDRESS, RegistrationService.REGISTRATION_NUMBER, RegistrationService.PROVIDER);
        assertThat(e.fieldErrors()).containsEntry(RegistrationService.PROVIDER, "Choose your hospital")
                .containsEntry(RegistrationService.REGISTRATION_NUMBER, "Enter the medical registration number");
    }

    @Test
    void aValidRequestWithOneBadFieldSavesNothing() {
        String email = TestAccounts.uniqueEmail("patient");
        RegistrationRequest valid = TestAccounts.patient(email, TestAccounts.uniqueName("Ann"));
        RegistrationRequest badPolicy = new RegistrationRequest(valid.role(), valid.fullName(), valid.mobile(), valid.email(),
                valid.dateOfBirth(), valid.address(), null, null, valid.insuranceProvider(), "X", valid.password());

        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> registration.register(badPolicy));

        assertThat(e.fieldErrors()).containsOnlyKeys(RegistrationService.POLICY_NUMBER);
        assertThat(directory.findByUsername(email)).isEmpty();
        // and the same email can then register
        assertThat(registration.register(valid)).isPresent();
    }

    @Test
    void anInsurerOrNumberWithALineBreakIsRefusedNextToItsFieldAndNothingIsSaved() {
        String email = TestAccounts.uniqueEmail("linebreak");
        RegistrationRequest valid = TestAccounts.patient(email, TestAccounts.uniqueName("Ann"));
        RegistrationRequest broken = new RegistrationRequest(valid.role(), valid.fullName(), valid.mobile() + "\n", valid.email(),
                valid.dateOfBirth(), valid.address(), null, null, "Bupa\nHealth", valid.policyNumber() + "\t", valid.password());

        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> registration.register(broken));

        assertThat(e).as("the registration is refused").isNotNull();
        assertThat(e.fieldErrors()).containsOnlyKeys(RegistrationService.MOBILE, RegistrationService.INSURANCE_PROVIDER,
                RegistrationService.POLICY_NUMBER);
        assertThat(e.fieldErrors().values()).containsOnly("Use one line, without control characters");
        assertThat(directory.findByUsername(email)).isEmpty();
    }

    @Test
    void anEmailAlreadyInUseIsAnsweredAsANewOneMakesNoSecondAccountAndTellsItsOwnerAndTheAdmins() {
        String email = TestAccounts.uniqueEmail("dup");
        UserProfile owner = accounts.registered(TestAccounts.patient(email, TestAccounts.uniqueName("First")));

        for (String again : List.of(email, email.toUpperCase(), "  " + email + " ")) {
            String name = TestAccounts.uniqueName("Second");
            assertThat(registration.register(TestAccounts.patient(again, name))).as("no error, no second account").isEmpty();
            assertThat(accounts.asAdmin(() -> ctx.getBean(RegistrationAttempts.class).open()))
                    .anySatisfy(a -> {
                        assertThat(a.attemptedName()).isEqualTo(name);
                        assertThat(a.existingUsername()).isEqualTo(owner.username());
                        assertThat(a.attemptedRole()).isEqualTo(Role.PATIENT);
                    });
        }
        assertThat(directory.findByUsername(email)).hasValueSatisfying(p -> assertThat(p.id()).isEqualTo(owner.id()));
        List<InboxMessage> told = TestAccounts.as(owner.username(), Role.PATIENT, inbox::mine);
        assertThat(told).filteredOn(m -> m.title().equals("Someone registered with your email address")).hasSize(3);
        assertThat(accounts.asAdmin(inbox::mine)).anySatisfy(m -> assertThat(m.title()).isEqualTo("Registration with an email already in use"));
    }

    @Test
    void theDemoAdminsEmailGivesNoSignItIsKnown() {
        assertThat(registration.register(TestAccounts.patient("ADMIN@careledger.test", TestAccounts.uniqueName("Mallory")))).isEmpty();
        assertThat(directory.findByUsername("admin@careledger.test")).hasValueSatisfying(p -> assertThat(p.role()).isEqualTo(Role.ADMIN));
    }

    @Test
    void anAdminDismissesAnAttemptOnceLookedAt() {
        String email = TestAccounts.uniqueEmail("seen");
        accounts.registered(TestAccounts.patient(email, TestAccounts.uniqueName("Owner")));
        String name = TestAccounts.uniqueName("Again");
        registration.register(TestAccounts.patient(email, name));
        RegistrationAttempts attempts = ctx.getBean(RegistrationAttempts.class);
        long id = accounts.asAdmin(attempts::open).stream().filter(a -> a.attemptedName().equals(name)).findFirst().orElseThrow().id();

        accounts.asAdmin(() -> {
            attempts.dismiss(id);
            return null;
        });

        assertThat(accounts.asAdmin(attempts::open)).noneMatch(a -> a.id() == id);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TestAccounts.as(email, Role.PATIENT, attempts::open))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }

    @Test
    void aDoctorChoosingAPharmacyIsRefused() {
        RegistrationRequest d = accounts.doctor(TestAccounts.uniqueEmail("doctor"), TestAccounts.uniqueName("Greg"));
        RegistrationRequest atPharmacy = new RegistrationRequest(d.role(), d.fullName(), d.mobile(), d.email(), d.dateOfBirth(),
                d.address(), d.registrationNumber(), accounts.pharmacyId(), null, null, d.password());

        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> registration.register(atPharmacy));

        assertThat(e.fieldErrors()).containsOnlyKeys(RegistrationService.PROVIDER)
                .containsEntry(RegistrationService.PROVIDER, "Choose a hospital from the list");
        assertThat(directory.findByUsername(d.email())).isEmpty();
    }

    @Test
    void aPharmacistChoosingAnUnknownProviderIsRefused() {
        RegistrationRequest p = accounts.pharmacist(TestAccounts.uniqueEmail("pharm"), TestAccounts.uniqueName("Pia"));
        RegistrationRequest unknown = new RegistrationRequest(p.role(), p.fullName(), p.mobile(), p.email(), null, null,
                p.registrationNumber(), 987_654L, null, null, p.password());
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> registration.register(unknown));
        assertThat(e.fieldErrors()).containsEntry(RegistrationService.PROVIDER, "Choose a pharmacy from the list");
    }

    @Test
    void nobodyCanRegisterAsAdminOrWithoutARole() {
        String email = TestAccounts.uniqueEmail("wannabe");
        for (Role role : new Role[] {Role.ADMIN, null}) {
            RegistrationRequest asAdmin = new RegistrationRequest(role, TestAccounts.uniqueName("Eve"), "+447700900123", email,
                    LocalDate.of(1990, 1, 1), "Somewhere 1", "ADM-1234", accounts.hospitalId(), null, null, TestAccounts.PASSWORD);
            InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> registration.register(asAdmin));
            assertThat(e.fieldErrors()).containsOnlyKeys(RegistrationService.ROLE)
                    .containsEntry(RegistrationService.ROLE, "Choose whether you register as a doctor, patient or pharmacist");
        }
        assertThat(directory.findByUsername(email)).isEmpty();
    }

    @Test
    void aPasswordEqualToTheEmailIsRefused() {
        String email = TestAccounts.uniqueEmail("same");
        RegistrationRequest p = TestAccounts.patient(email, TestAccounts.uniqueName("Sam"));
        RegistrationRequest same = new RegistrationRequest(p.role(), p.fullName(), p.mobile(), email, p.dateOfBirth(),
                p.address(), null, null, p.insuranceProvider(), p.policyNumber(), email.toUpperCase());
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> registration.register(same));
        assertThat(e.fieldErrors()).containsEntry(RegistrationService.PASSWORD, "A password must not be your email address or username");
    }

    @Test
    void adminsGetAnInboxNotificationAboutTheRegistration() {
        String name = TestAccounts.uniqueName("Nadia");
        accounts.registered(TestAccounts.patient(TestAccounts.uniqueEmail("notify"), name));

        TestAccounts.signIn(DemoAccounts.ADMIN.username(), Role.ADMIN);
        List<InboxMessage> mine = inbox.mine();

        assertThat(mine).filteredOn(m -> m.body().contains(name)).singleElement().satisfies(m -> {
            assertThat(m.title()).isEqualTo("New registration to review");
            assertThat(m.body()).isEqualTo(name + " registered as patient and is waiting for approval.");
            assertThat(m.unread()).isTrue();
        });
    }

    @Test
    void aRefusedRegistrationSendsNoNotification() {
        String name = TestAccounts.uniqueName("Quentin");
        catchThrowableOfType(InvalidInputException.class, () -> registration.register(
                new RegistrationRequest(Role.PATIENT, name, "+447700900123", "bad", null, null, null, null, null, null, null)));
        TestAccounts.signIn(DemoAccounts.ADMIN.username(), Role.ADMIN);
        assertThat(inbox.mine()).noneMatch(m -> m.body().contains(name));
    }
}

package org.careledger.e2e;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.careledger.IntegrationTest;
import org.careledger.identity.AccountStatus;
import org.careledger.identity.DemoAccounts;
import org.careledger.identity.DemoAccounts.DemoAccount;
import org.careledger.identity.UserDirectory;
import org.careledger.identity.UserProfile;
import org.careledger.identity.internal.UserAccountRepository;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.provider.Arguments;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portal in a real browser (headless Chromium), against the whole application on a random port
 * with the demo profile's seeded accounts and a fresh H2 database: registration, the admin's
 * approval, sign-in, each role's navigation, sign-out, and a patient refused the admin pages.
 * Runs under failsafe ({@code ./mvnw verify}); skipped without Chromium unless {@code CI=true}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PortalJourneyIT extends IntegrationTest {

    @RegisterExtension
    static final BrowserSupport browser = new BrowserSupport();

    private static final String LEDGER_ADDRESS = "0x[0-9a-fA-F]{40}";

    @LocalServerPort
    int port;

    @Autowired
    UserDirectory users;

    @Autowired
    org.springframework.context.ApplicationContext ctx;

    @Autowired
    UserAccountRepository accounts;

    private WebDriver driver() {
        return browser.driver();
    }

    private String baseUrl() {
        return "http://localhost:" + port + "/";
    }

    private LoginPage loginPage() {
        return new LoginPage(driver(), baseUrl());
    }

    private PortalShell shell() {
        return new PortalShell(driver(), baseUrl());
    }

    @Test
    @DisplayName("a new patient registers, cannot sign in until an admin approves, then lands on a home with QR and ledger address")
    void newPatientRegistersIsApprovedAndSignsIn() {
        String email = "amara.nwosu." + System.nanoTime() + "@example.org";
        RegisterPage.PatientDetails amara = new RegisterPage.PatientDetails("Amara Nwosu", "+44 7700 900777", email,
                LocalDate.of(1990, 5, 17), "22 Mill Road, Cambridge", "Aviva", "AVI-2024-5521",
                "lantern-orchard-47-river");

        // a. registration through the form
        RegisterPage register = new RegisterPage(driver(), baseUrl()).open().chooseRole("Patient");
        register.fill(amara).submit();
        assertThat(register.confirmation()).contains("Thank you, Amara Nwosu").contains("once it is approved");

        UserProfile saved = users.findByUsername(email).orElseThrow();
        assertThat(saved.status()).isEqualTo(AccountStatus.PENDING);
        assertThat(saved.fullName()).isEqualTo("Amara Nwosu");
        assertThat(saved.mobile()).isEqualTo("+447700900777");
        assertThat(saved.dateOfBirth()).isEqualTo(LocalDate.of(1990, 5, 17));
        assertThat(saved.address()).isEqualTo("22 Mill Road, Cambridge");
        assertThat(saved.insuranceProvider()).isEqualTo("Aviva");
        assertThat(saved.policyNumber()).isEqualTo("AVI-2024-5521");
        assertThat(saved.ledgerAddress()).isNull();

        // ... and signing in now is refused with the pending-approval message
        LoginPage login = loginPage().open();
        login.signInAs(email, amara.password());
        assertThat(login.errorText())
                .contains("You cannot sign in yet")
                .contains("waiting for an administrator's approval");

        // c. the admin finds the registration in the queue and approves it, signing in on the page that refused Amara
        login.signInExpecting(DemoAccounts.ADMIN.username(), DemoAccounts.ADMIN.password(), "admin-home");
        AdminApprovalsPage approvals = new AdminApprovalsPage(driver(), baseUrl()).waitUntilShown();
        assertThat(approvals.isWaiting(saved.id())).isTrue();
        assertThat(approvals.queueText()).contains("Amara Nwosu").contains(email).contains("Policy AVI-2024-5521 with Aviva");
        approvals.approve(saved.id());
        assertThat(approvals.isWaiting(saved.id())).as("still offered for approval").isFalse();
        assertThat(users.findByUsername(email).orElseThrow().status()).isEqualTo(AccountStatus.ACTIVE);
        // ... and the patient signs in to their home (on the page the admin's sign-out lands on), with a QR image and a ledger address
        shell().signOut().signInExpecting(email, amara.password(), "patient-home");
        PatientHomePage home = new PatientHomePage(driver(), baseUrl()).waitUntilShown();
        assertThat(shell().currentUser()).contains("Amara Nwosu").contains("Patient");
        assertThat(home.ledgerAddress()).matches(LEDGER_ADDRESS);
        assertThat(home.ledgerAddress()).isEqualTo(users.findByUsername(email).orElseThrow().ledgerAddress().toString());
        assertThat(home.qrImageWidth()).as("the QR image loaded").isGreaterThan(0);
    }

    @Test
    @DisplayName("registration with an empty name, a short mobile and a bad email shows each message by its field and saves nothing")
    void badRegistrationShowsFieldMessagesAndSavesNothing() {
        long before = accounts.count();
        RegisterPage register = new RegisterPage(driver(), baseUrl()).open().chooseRole("Patient");
        register.typeInto("mobile", "12")
                .typeInto("email", "not-an-email")
                .setDateOfBirth(LocalDate.of(1985, 2, 3))
                .typeInto("address", "1 Test Street, Leeds")
                .typeInto("insuranceProvider", "Bupa")
                .typeInto("policyNumber", "BUP-1234")
                .typeInto("password", "lantern-orchard-47-river")
                .typeInto("confirmPassword", "lantern-orchard-47-river")
                .submit();

        assertThat(register.errorOf("fullName")).isEqualTo("Enter your full name");
        assertThat(register.errorOf("mobile")).startsWith("Enter the number in international form");
        assertThat(register.errorOf("email")).startsWith("Enter a valid email address");
        assertThat(register.isInvalid("address")).isFalse();
        assertThat(register.isInvalid("policyNumber")).isFalse();
        assertThat(register.confirmationShown()).isFalse();
        assertThat(accounts.count()).as("accounts after a refused registration").isEqualTo(before);
    }

    static Stream<Arguments> demoRoles() {
        return Stream.of(
                Arguments.of(DemoAccounts.ADMIN, "admin-home", List.of("Approvals", "Users", "Providers", "Emergency reviews", "Erasure requests", "Medicines",
                        "Appointments", "Consortium", "Security events", "Decision support", "Analytics", "Wallet", "Inbox", "Explorer", "Ledger accounts",
                        "Verify a proof")),
                Arguments.of(DemoAccounts.DOCTOR, "doctor-home", List.of("My profile", "My patients", "Appointments", "Availability", "My figures",
                        "Wallet", "Inbox", "Explorer", "Ledger accounts", "Verify a proof")),
                Arguments.of(DemoAccounts.PATIENT, "patient-home", List.of("My profile", "My record", "Access requests", "Who viewed my record",
                        "Prescriptions", "Appointments", "Book an appointment", "Report symptoms", "Wallet", "Inbox",
                        "Explorer", "Verify a proof")),
                Arguments.of(DemoAccounts.PHARMACIST, "pharmacist-home", List.of("Prescriptions", "My profile", "Prices", "Wallet", "Inbox", "Explorer",
                        "Ledger accounts", "Verify a proof")));
    }

    /**
     * The root id of the view a label opens for the role whose home is {@code homeId}: a pharmacist's
     * home is the dispensary ("Prescriptions"), their profile a page of its own; a patient's
     * "Prescriptions" are their list; "Appointments" are each role's own page of them.
     */
    private static String viewOf(String label, String homeId) {
        boolean pharmacist = homeId.equals("pharmacist-home");
        if (label.equals("Prescriptions")) {
            return pharmacist ? homeId : "my-prescriptions";
        }
        if (label.equals("Appointments")) {
            return homeId.equals("admin-home") ? "admin-appointments" : homeId.equals("doctor-home") ? "doctor-appointments"
                    : "my-appointments";
        }
        if (label.equals("My profile") && pharmacist) {
            return "pharmacist-profile";
        }
        if (label.equals("My profile")) {
            return homeId;
        }
        String view = VIEW_OF_LABEL.get(label);
        if (view == null) {
            throw new AssertionError("PortalJourneyIT does not know which view \"" + label + "\" opens: add it to VIEW_OF_LABEL");
        }
        return view;
    }

    /** The root id of the view each navigation label opens ("My profile" is the role's home, but see {@link #viewOf}). */
    private static final Map<String, String> VIEW_OF_LABEL = Map.ofEntries(
            Map.entry("Approvals", "admin-home"), Map.entry("Users", "users-view"), Map.entry("Providers", "providers-view"),
            Map.entry("Emergency reviews", "emergency-reviews"), Map.entry("Erasure requests", "erasure-requests"),
            Map.entry("Inbox", "inbox-view"), Map.entry("My patients", "doctor-patients"), Map.entry("My record", "my-record"),
            Map.entry("Access requests", "access-requests"), Map.entry("Who viewed my record", "access-log"), Map.entry("Wallet", "wallet"),
            Map.entry("Medicines", "medicines-view"), Map.entry("Prices", "pharmacy-prices-view"),
            Map.entry("Availability", "doctor-availability"), Map.entry("Book an appointment", "book-appointment"),
            Map.entry("Consortium", "consortium-view"), Map.entry("Security events", "security-events-view"),
            Map.entry("Decision support", "decision-support-admin-view"), Map.entry("Analytics", "analytics-view"), Map.entry("My figures", "doctor-analytics-view"), Map.entry("Report symptoms", "report-symptoms-view"),
            Map.entry("Explorer", "explorer"), Map.entry("Ledger accounts", "explorer-accounts"), Map.entry("Verify a proof", "explorer-verify"));

    /**
     * Each role in turn, in one browser, the way people share a ward's computer: every sign-in after the
     * first is made on the login page the sign-out before landed on, and must land on the role's home at
     * the first try (the sign-in bounce, a race that sent about one sign-in in four back to /login, must
     * never return). A fifth sign-in, the doctor's again, makes five in a row.
     */
    @Test
    @DisplayName("each demo role signs in to its home, sees exactly its navigation, opens a view from it and signs out; "
            + "five sign-ins in a row each land on the home page at the first try")
    void eachRoleSeesItsNavigationAndEverySignInLandsAtTheFirstTry() {
        LoginPage login = loginPage().open();
        for (Arguments role : demoRoles().toList()) {
            DemoAccount account = (DemoAccount) role.get()[0];
            @SuppressWarnings("unchecked")
            List<String> expectedNavigation = (List<String>) role.get()[2];
            login = walkTheNavigationOf(login, account, (String) role.get()[1], expectedNavigation);
        }
        // the fifth sign-in in a row, on the page the pharmacist's sign-out landed on
        assertThat(login.signInLandsOn(DemoAccounts.DOCTOR.username(), DemoAccounts.DOCTOR.password(), "doctor-home"))
                .as("sign-in 5 landed on the doctor's home").isTrue();
        assertThat(shell().signOut().notice()).isEqualTo("You have signed out.");
    }

    /** Signs in on {@code login}, checks the role's navigation and opens a view from it, then signs out; the page that follows. */
    private LoginPage walkTheNavigationOf(LoginPage login, DemoAccount account, String homeId, List<String> expectedNavigation) {
        assertThat(login.signInLandsOn(account.username(), account.password(), homeId))
                .as("signing in as %s landed on %s at the first try", account.username(), homeId).isTrue();
        PortalShell shell = shell().waitForView(homeId);
        assertThat(shell.currentUser()).contains(account.fullName()).contains(account.role().label());
        List<String> navigation = shell.navigationLabels();
        assertThat(navigation).as("%s's navigation", account.username()).containsExactlyElementsOf(expectedNavigation);
        if (account != DemoAccounts.ADMIN) {
            assertThat(navigation).doesNotContain("Approvals", "Users", "Providers", "Emergency reviews", "Erasure requests", "Medicines");
        }
        // a click on the navigation opens its view (LayoutSweepIT opens every view each item leads to, at both widths,
        // and checks that the navigation leads nowhere it does not sweep)
        String last = navigation.get(navigation.size() - 1);
        shell.openFromNavigation(last, viewOf(last, homeId));
        shell.navigateTo("account/password");
        shell.waitForView("change-password");
        LoginPage afterSignOut = shell.signOut();
        assertThat(afterSignOut.notice()).isEqualTo("You have signed out.");
        return afterSignOut;
    }

    @Test
    @DisplayName("after an admin resets a doctor's password, every page leads to choosing a new one; once chosen, the portal opens")
    void aResetPasswordIsReplacedBeforeAnythingElse() {
        org.careledger.identity.TestAccounts accounts = new org.careledger.identity.TestAccounts(ctx);
        UserProfile doctor = accounts.active(org.careledger.identity.Role.DOCTOR);
        String temporary = accounts.asAdmin(() -> ctx.getBean(org.careledger.identity.AccountAdministration.class).resetPassword(doctor.id()));

        loginPage().open().signInExpecting(doctor.username(), temporary, "change-password");
        PortalShell shell = shell();
        shell.navigateTo("doctor/patients");
        shell.waitForView("change-password");
        assertThat(driver().findElement(By.id("must-change-notice")).getText()).contains("An administrator reset your password");

        shell.changePassword(temporary, "quiet-harbour-lantern-92");
        shell.waitForView("doctor-home");
        shell.navigateTo("doctor/patients");
        shell.waitForView("doctor-patients");
    }

    @Test
    @DisplayName("a signed-in patient who types /admin gets the access-denied page")
    void patientOpeningAdminIsDenied() {
        loginPage().open().signInExpecting(DemoAccounts.PATIENT.username(), DemoAccounts.PATIENT.password(), "patient-home");
        shell().waitForView("patient-home");
        shell().navigateTo("admin");
        new WebDriverWait(driver(), PageObject.TIMEOUT, PageObject.POLL).until(d ->
                !d.findElements(By.id("access-denied")).isEmpty() || !d.findElements(By.id("admin-home")).isEmpty()
                        || d.getPageSource().contains("Could not navigate") || d.getPageSource().contains("not found"));
        assertThat(driver().findElements(By.id("admin-home"))).as("the admin page must not open").isEmpty();
        assertThat(driver().findElements(By.id("access-denied")))
                .as("access-denied view; the page showed: %s", driver().findElement(By.tagName("body")).getText())
                .isNotEmpty();
        assertThat(driver().findElement(By.id("access-denied")).getText()).contains("Access denied");
    }
}

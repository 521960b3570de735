package org.careledger.e2e;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.careledger.Await;
import org.careledger.IntegrationTest;
import org.careledger.appointments.AvailabilityChange;
import org.careledger.appointments.DoctorAppointments;
import org.careledger.common.TokenAmount;
import org.careledger.contracts.AppointmentQueries;
import org.careledger.contracts.Registry;
import org.careledger.contracts.Tokens;
import org.careledger.identity.AccountAdministration;
import org.careledger.identity.Role;
import org.careledger.identity.TestAccounts;
import org.careledger.identity.UserProfile;
import org.careledger.node.LedgerService;
import org.careledger.provider.Providers;
import org.careledger.wallet.TestFunding;
import org.careledger.wallet.WalletService;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The appointment story in a real browser, with a fresh doctor and patient (so no other story can
 * interfere): the doctor has a fee; the patient finds them, and the doctor then gets one 5-minute
 * slot of extra hours starting about 30 seconds later (the test context lets a slot be booked until
 * 15 s before it starts); the patient sees the fee and the cancellation rule before booking, books
 * that slot with a reason and sees it booked in its block; the doctor sees the patient and the reason
 * in their day, confirms, and once the slot has started marks it completed (in a block after the
 * start, as the contract requires); then the money moved: the fee into the
 * doctor's wallet, out of escrow, and a paid invoice for the consultation in the patient's wallet.
 * The fee, the hours and the specialty are set through the services (the Availability and admin
 * pages are the layout sweep's).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AppointmentStoryIT extends IntegrationTest {

    @RegisterExtension
    static final BrowserSupport browser = new BrowserSupport();

    private static final long FEE = TestFunding.ONE_TOKEN / 4;
    private static final String FEE_TEXT = "0.25 tokens";
    private static final String SPECIALTY = "Dermatology";
    private static final String REASON = "An itchy rash on both forearms for two weeks";
    /**
     * How far ahead the slot starts when it is made: time enough to book it before the 15 s lead (the
     * booking is sent about 3 s after the slot is made, so this leaves about 12 s to spare). Every second
     * more is a second the story waits, once the doctor has confirmed, for the slot to start.
     */
    private static final Duration AHEAD = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    private long started;

    @Autowired
    ApplicationContext ctx;

    @Autowired
    LedgerService ledger;

    @Autowired
    DoctorAppointments doctorAppointments;

    @Autowired
    AccountAdministration administration;

    @Autowired
    WalletService wallet;

    @Autowired
    Providers providers;

    @Autowired
    Clock clock;

    private WebDriver driver() {
        return browser.driver();
    }

    private String baseUrl() {
        return "http://localhost:" + port + "/";
    }

    /** Signs out and the next user in on the login page the sign-out lands on. */
    private void switchTo(UserProfile user, String homeId) {
        new PortalShell(driver(), baseUrl()).signOut().signInExpecting(user.username(), TestAccounts.PASSWORD, homeId);
    }

    /** Prints how long the story has run at each step, for the time budget (90 s). */
    private void step(String what) {
        System.out.printf("AppointmentStoryIT: %5.1f s  %s%n", (System.nanoTime() - started) / 1e9, what);
    }

    @Test
    @DisplayName("patient books a doctor's slot (fee and cut-off shown first) → booked in a block → doctor confirms and, once it "
            + "started, completes → the fee left escrow for the doctor's wallet with a paid invoice")
    void theAppointmentStory() {
        long setUp = System.nanoTime();
        TestAccounts accounts = new TestAccounts(ctx);
        UserProfile doctor = accounts.active(Role.DOCTOR);
        UserProfile patient = accounts.active(Role.PATIENT);
        String hospital = providers.find(accounts.hospitalId()).orElseThrow().name();
        Await.until("the doctor is on the ledger with their hospital", Duration.ofSeconds(60),
                () -> Registry.affiliationOf(ledger.committedState().view(), doctor.ledgerAddress()).isPresent());
        accounts.asAdmin(() -> administration.setSpecialty(doctor.id(), SPECIALTY));
        TestFunding.oneToken(ctx, patient);
        TestAccounts.as(doctor, () -> doctorAppointments.setFee(TokenAmount.format(FEE)));
        Await.until("the doctor's fee is on the ledger", Duration.ofSeconds(60), () -> AppointmentQueries
                .feeOf(ledger.committedState(), doctor.ledgerAddress()).orElse(-1) == FEE);
        long doctorBefore = Tokens.balanceOf(ledger.committedState().view(), doctor.ledgerAddress());
        long escrowBefore = AppointmentQueries.escrowed(ledger.committedState());
        started = System.nanoTime();
        System.out.printf("AppointmentStoryIT: the set-up (accounts, funding, fee) took %.1f s%n", (started - setUp) / 1e9);

        // the patient finds the doctor, whose one slot starts about 30 s later, and books it
        new LoginPage(driver(), baseUrl()).open().signInExpecting(patient.username(), TestAccounts.PASSWORD, "patient-home");
        step("the patient signed in");
        BookAppointmentPage book = new BookAppointmentPage(driver(), baseUrl()).open();
        assertThat(book.search(doctor.fullName(), doctor.fullName())).containsSubsequence(doctor.fullName(), SPECIALTY, hospital, FEE_TEXT);
        // the slot is made now, so that the 30 s before it starts are not spent on signing in
        Instant start = oneSlotSoon(doctor);
        step("the patient found the doctor, whose slot starts at " + start);
        book.chooseDoctor(doctor.id().value());
        assertThat(book.slotZone()).startsWith("Times are in your time zone");
        BookAppointmentPage.BookingDialog dialog = book.chooseSlot(start);
        assertThat(dialog.when()).contains(doctor.fullName()).contains("5 minutes");
        assertThat(dialog.fee()).isEqualTo("Fee: " + FEE_TEXT + ", held on the ledger until the appointment. You have 1 token to spend.");
        // the hospital's cut-off (a day by default) has passed for a slot this close: the page says what that means
        assertThat(dialog.rule()).containsPattern("^Free cancellation .*(until|ended at) ")
                .contains("the fee goes to the doctor");
        dialog.reason(REASON).book();
        step("booked");
        assertThat(book.bookingSummary()).contains(doctor.fullName()).contains(FEE_TEXT);
        String booked = book.awaitBookingState("Booked, awaiting the doctor's confirmation · booked in block \\d+");
        String block = booked.substring(booked.lastIndexOf("block "));

        // in "My appointments", and the fee is out of what the patient can spend
        step("the page shows it " + block);
        new PortalShell(driver(), baseUrl()).openFromNavigation("Appointments", "my-appointments");
        List<String> row = new MyAppointmentsPage(driver(), baseUrl()).waitUntilShown()
                .awaitUpcoming(doctor.fullName() + ", " + SPECIALTY, ".*booked in " + block);
        assertThat(row).contains(hospital, FEE_TEXT, REASON);
        assertThat(TestAccounts.as(patient, () -> wallet.myBalance()).spendable()).as("the patient's spendable tokens")
                .isEqualTo(TestFunding.ONE_TOKEN - FEE);

        // the doctor sees it in their day, confirms it, and completes it once it has started
        step("the patient saw it in My appointments");
        switchTo(doctor, "doctor-home");
        new PortalShell(driver(), baseUrl()).openFromNavigation("Appointments", "doctor-appointments");
        DoctorAppointmentsPage day = new DoctorAppointmentsPage(driver(), baseUrl());
        assertThat(day.awaitRow(patient.fullName(), "Booked, awaiting the doctor's confirmation.*"))
                .contains(REASON, FEE_TEXT);
        day.confirm().awaitRow(patient.fullName(), "Confirmed · booked in " + block);
        step("confirmed; waiting for the slot to start");
        // blocks come only when transactions wait, each stamped with when it was mined: the completion's own block,
        // sent once the slot has started, is after the start by block time, as the contract requires
        Await.until("the slot has started", Duration.between(clock.instant(), start).plusSeconds(10),
                () -> !clock.instant().isBefore(start));
        step("the slot has started");
        day.complete().awaitRow(patient.fullName(), "Completed, fee paid · booked in " + block);

        // the fee left escrow for the doctor's wallet, and the patient's wallet holds the paid invoice
        step("completed");
        assertThat(AppointmentQueries.escrowed(ledger.committedState())).as("tokens held in escrow").isEqualTo(escrowBefore);
        new PortalShell(driver(), baseUrl()).openFromNavigation("Wallet", "wallet");
        new WalletPage(driver(), baseUrl()).awaitBalance(doctorBefore + FEE);
        switchTo(patient, "patient-home");
        WalletPage patientWallet = new WalletPage(driver(), baseUrl()).open();
        String invoice = patientWallet.onlyInvoice();
        assertThat(patientWallet.invoiceText(invoice)).contains("from " + doctor.fullName());
        assertThat(patientWallet.invoiceTotal(invoice)).isEqualTo(FEE);
        assertThat(patientWallet.invoiceStatus(invoice)).matches("paid in block \\d+");
        assertThat(patientWallet.balance()).isEqualTo(TestFunding.ONE_TOKEN - FEE);
        step("the doctor's balance rose by the fee, the patient holds its paid invoice: the end");
    }

    /**
     * Gives the doctor extra hours of one 5-minute slot starting {@link #AHEAD} from now in their zone,
     * on the date of its start; a slot that would run past midnight starts just after it instead.
     */
    private Instant oneSlotSoon(UserProfile doctor) {
        ZoneId zone = TestAccounts.as(doctor, doctorAppointments::myZone);
        ZonedDateTime start = clock.instant().plus(AHEAD).atZone(zone).truncatedTo(ChronoUnit.SECONDS);
        if (start.toLocalTime().isAfter(LocalTime.of(23, 55))) {
            start = start.toLocalDate().plusDays(1).atStartOfDay(zone).plus(AHEAD);
        }
        LocalDate date = start.toLocalDate();
        LocalTime from = start.toLocalTime();
        TestAccounts.as(doctor, () -> doctorAppointments.addChange(AvailabilityChange.extraHours(date, from, from.plusMinutes(5), 5)));
        return start.toInstant();
    }
}

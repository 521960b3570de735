package org.careledger.appointments;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.careledger.Await;
import org.careledger.IntegrationTest;
import org.careledger.common.InvalidInputException;
import org.careledger.common.NotFoundException;
import org.careledger.contracts.AppointmentQueries;
import org.careledger.contracts.Tokens;
import org.careledger.identity.TestAccounts;
import org.careledger.identity.UserProfile;
import org.careledger.inbox.Inbox;
import org.careledger.inbox.InboxMessage;
import org.careledger.node.LedgerService;
import org.careledger.wallet.TestFunding;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.careledger.appointments.AppointmentPeople.as;

/**
 * Booking, cancelling, declining and reminding through the services, on the running portal's real
 * ledger: what each side sees, what the wallet and the escrow hold, and what the inbox says.
 */
class AppointmentServicesTest extends IntegrationTest {

    private static final long HALF_TOKEN = TestFunding.ONE_TOKEN / 2;

    @Autowired
    ApplicationContext ctx;
    @Autowired
    AppointmentBooking booking;
    @Autowired
    DoctorAppointments doctors;
    @Autowired
    AppointmentAdministration administration;
    @Autowired
    AppointmentReminders reminders;
    @Autowired
    LedgerService ledger;
    @Autowired
    Inbox inbox;
    @Autowired
    org.careledger.wallet.WalletService wallet;

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    private long balance(UserProfile user) {
        return Tokens.balanceOf(ledger.committedState().view(), user.ledgerAddress());
    }

    private AppointmentView booked(UserProfile patient, UserProfile doctor, Slot slot, String reason) {
        AppointmentView v = as(patient, () -> booking.book(doctor.id(), slot.start(), HALF_TOKEN, reason));
        Await.until("the booking is on the ledger", () -> as(patient, () -> booking.find(v.id())).chainId() != null);
        return as(patient, () -> booking.find(v.id()));
    }

    private List<String> titles(UserProfile user) {
        return as(user, () -> inbox.mine()).stream().map(InboxMessage::title).toList();
    }

    @Test
    void aPatientBooksAFreeSlotTheFeeLeavesTheirWalletForEscrowAndTheDoctorSeesItWithTheReason() {
        AppointmentPeople people = new AppointmentPeople(ctx);
        UserProfile doctor = people.doctor("0.5");
        UserProfile patient = people.patient();
        TestFunding.oneToken(ctx, patient);
        List<Slot> free = as(patient, () -> booking.nextFreeSlots(doctor.id(), 3));
        assertThat(free).hasSize(3);
        assertThat(free.get(0).start()).as("nothing starting within the booking lead").isAfter(Instant.now().plusSeconds(14));
        BookingQuote quote = as(patient, () -> booking.quote(doctor.id(), free.get(0).start()));
        assertThat(quote.fee()).isEqualTo(HALF_TOKEN);
        assertThat(quote.spendable()).isEqualTo(TestFunding.ONE_TOKEN);
        assertThat(quote.freeCancellationUntil()).isEqualTo(free.get(0).start().minus(Duration.ofHours(24)));
        long escrowBefore = AppointmentQueries.escrowed(ledger.committedState());

        AppointmentView v = booked(patient, doctor, free.get(0), "Recurring headaches");

        assertThat(v.state()).isEqualTo(AppointmentState.BOOKED);
        assertThat(v.bookedBlock()).isNotNull();
        assertThat(v.reason()).isEqualTo("Recurring headaches");
        assertThat(v.cancellable()).isTrue();
        assertThat(balance(patient)).as("the fee left the patient's wallet").isEqualTo(TestFunding.ONE_TOKEN - HALF_TOKEN);
        assertThat(AppointmentQueries.escrowed(ledger.committedState())).as("and is held in escrow").isEqualTo(escrowBefore + HALF_TOKEN);
        Await.until("the wallet's history shows the fee going into escrow", () -> as(patient, () -> wallet.myHistory()).stream()
                .anyMatch(e -> !e.pending() && e.amount() == -HALF_TOKEN && "Appointment fees held in escrow".equals(e.counterpartName())));
        assertThat(as(patient, () -> booking.nextFreeSlots(doctor.id(), 3))).as("the slot is no longer offered")
                .doesNotContain(free.get(0));

        LocalDate day = free.get(0).start().atZone(as(doctor, () -> doctors.myZone())).toLocalDate();
        AppointmentView seen = as(doctor, () -> doctors.day(day)).stream().filter(a -> a.id().equals(v.id())).findFirst().orElseThrow();
        assertThat(seen.patientName()).isEqualTo(patient.fullName());
        assertThat(seen.reason()).as("the doctor reads the reason").isEqualTo("Recurring headaches");
        assertThat(seen.confirmable()).isTrue();
        assertThat(seen.closable()).as("not before it starts").isFalse();
        Await.until("the doctor is told", () -> titles(doctor).contains("New appointment"));

        AppointmentView adminSees = TestAccounts.as(org.careledger.identity.DemoAccounts.ADMIN.username(), org.careledger.identity.Role.ADMIN,
                () -> administration.day(doctor.providerId(), day)).stream().filter(a -> a.id().equals(v.id())).findFirst().orElseThrow();
        assertThat(adminSees.reason()).as("admins see no reason").isNull();

        as(doctor, () -> doctors.confirm(v.id()));
        Await.until("the patient sees it confirmed", () -> as(patient, () -> booking.find(v.id())).state() == AppointmentState.CONFIRMED);
        Await.until("and is told", () -> titles(patient).contains("Appointment confirmed"));
    }

    @Test
    void twoPatientsBookingOneSlotAtOnceOnThisPortalLeaveOneBookingAndTellTheOtherWithTheNextFreeSlots() throws Exception {
        AppointmentPeople people = new AppointmentPeople(ctx);
        UserProfile doctor = people.doctor("0.5");
        UserProfile first = people.patient();
        UserProfile second = people.patient();
        TestFunding.oneToken(ctx, first, second);
        Slot slot = as(first, () -> booking.nextFreeSlots(doctor.id(), 1)).get(0);

        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Object>> results;
        try {
            Callable<Object> a = () -> attempt(first, doctor, slot);
            Callable<Object> b = () -> attempt(second, doctor, slot);
            results = pool.invokeAll(List.of(a, b));
        } finally {
            pool.shutdown();
        }
        List<Object> outcomes = List.of(results.get(0).get(), results.get(1).get());
        assertThat(outcomes).filteredOn(o -> o instanceof AppointmentView).as("exactly one booking").hasSize(1);
        SlotTakenException taken = (SlotTakenException) outcomes.stream().filter(o -> o instanceof SlotTakenException).findFirst().orElseThrow();
        assertThat(taken).hasMessageContaining("This slot was just taken");
        assertThat(taken.nextFree()).as("the next free slots").isNotEmpty().doesNotContain(slot);
        UserProfile loser = outcomes.get(0) instanceof SlotTakenException ? first : second;
        assertThat(as(loser, () -> booking.mine())).as("nothing booked for the loser").isEmpty();
        Await.until("the winner's booking is mined", () -> AppointmentQueries.byDoctor(ledger.committedState(), doctor.ledgerAddress()).size() == 1);
        assertThat(balance(loser)).as("no fee held for the loser").isEqualTo(TestFunding.ONE_TOKEN);
    }

    private Object attempt(UserProfile patient, UserProfile doctor, Slot slot) {
        try {
            return as(patient, () -> booking.book(doctor.id(), slot.start(), HALF_TOKEN, null));
        } catch (SlotTakenException e) {
            return e;
        }
    }

    @Test
    void whatIsNotOneOfTheDoctorsSlotsOrNotAffordableIsRefusedPlainlyAndNothingIsBooked() {
        AppointmentPeople people = new AppointmentPeople(ctx);
        UserProfile doctor = people.doctor("2");
        UserProfile patient = people.patient();
        TestFunding.oneToken(ctx, patient);
        Slot slot = as(patient, () -> booking.nextFreeSlots(doctor.id(), 1)).get(0);

        assertThatThrownBy(() -> as(patient, () -> booking.book(doctor.id(), slot.start().plusSeconds(60), 2 * TestFunding.ONE_TOKEN, null)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("not one of");
        assertThatThrownBy(() -> as(patient, () -> booking.book(doctor.id(), slot.start(), TestFunding.ONE_TOKEN, null)))
                .as("a fee other than the one charged").hasMessageContaining("The doctor's fee is now 2 tokens");
        NotEnoughTokensException poor = org.assertj.core.api.Assertions.catchThrowableOfType(
                () -> as(patient, () -> booking.book(doctor.id(), slot.start(), 2 * TestFunding.ONE_TOKEN, null)), NotEnoughTokensException.class);
        assertThat(poor).hasMessageContaining("The fee is 2 tokens and you have 1 token to spend");
        assertThatThrownBy(() -> as(patient, () -> booking.book(doctor.id(), slot.start(), 2 * TestFunding.ONE_TOKEN, "x".repeat(501))))
                .isInstanceOf(InvalidInputException.class);
        assertThat(as(patient, () -> booking.mine())).as("nothing booked").isEmpty();
        assertThat(balance(patient)).isEqualTo(TestFunding.ONE_TOKEN);
    }

    @Test
    void aDayOffDeclinesThatDaysBookingsWithAFullRefundAndTellsEachPatient() {
        AppointmentPeople people = new AppointmentPeople(ctx);
        UserProfile doctor = people.doctor("0.5");
        UserProfile patient = people.patient();
        TestFunding.oneToken(ctx, patient);
        LocalDate tomorrow = as(doctor, () -> doctors.today()).plusDays(1);
        Slot slot = as(patient, () -> booking.freeSlots(doctor.id(), tomorrow, 1)).get(0);
        AppointmentView v = booked(patient, doctor, slot, null);
        assertThat(balance(patient)).isEqualTo(TestFunding.ONE_TOKEN - HALF_TOKEN);

        int declined = as(doctor, () -> doctors.addChange(AvailabilityChange.dayOff(tomorrow)));

        assertThat(declined).isEqualTo(1);
        Await.until("the booking is declined", () -> as(patient, () -> booking.find(v.id())).state() == AppointmentState.DECLINED);
        assertThat(balance(patient)).as("refunded in full").isEqualTo(TestFunding.ONE_TOKEN);
        assertThat(as(patient, () -> booking.find(v.id())).declineReason()).startsWith(DoctorAppointments.DAY_OFF_REASON);
        Await.until("the patient is told", () -> titles(patient).contains("Appointment cancelled by the doctor"));
        assertThat(as(patient, () -> booking.freeSlots(doctor.id(), tomorrow, 1))).as("no slots on the day off").isEmpty();
    }

    @Test
    void cancellingBeforeTheCutOffRefundsTellsTheDoctorAndFreesTheSlot() {
        AppointmentPeople people = new AppointmentPeople(ctx);
        UserProfile doctor = people.doctor("0.5");
        UserProfile patient = people.patient();
        TestFunding.oneToken(ctx, patient);
        LocalDate inThreeDays = as(doctor, () -> doctors.today()).plusDays(3);
        Slot slot = as(patient, () -> booking.freeSlots(doctor.id(), inThreeDays, 1)).get(0);
        AppointmentView v = booked(patient, doctor, slot, null);
        assertThat(v.cancelCostsFee()).as("days before the cut-off").isFalse();

        as(patient, () -> booking.cancel(v.id()));

        Await.until("cancelled on the ledger", () -> as(patient, () -> booking.find(v.id())).state() == AppointmentState.CANCELLED);
        assertThat(balance(patient)).isEqualTo(TestFunding.ONE_TOKEN);
        Await.until("the slot is offered again once the portal settled the cancellation",
                () -> as(patient, () -> booking.freeSlots(doctor.id(), inThreeDays, 1)).contains(slot));
        Await.until("the doctor is told", () -> titles(doctor).contains("Appointment cancelled"));
        assertThatThrownBy(() -> as(patient, () -> booking.cancel(v.id()))).hasMessageContaining("can no longer be cancelled");
    }

    @Test
    void aReminderGoesOutOnceTheDayBefore() {
        AppointmentPeople people = new AppointmentPeople(ctx);
        UserProfile doctor = people.doctor("0.5");
        UserProfile patient = people.patient();
        TestFunding.oneToken(ctx, patient);
        Slot soon = as(patient, () -> booking.nextFreeSlots(doctor.id(), 1)).get(0);
        booked(patient, doctor, soon, null);

        assertThat(reminders.sendDue()).isGreaterThanOrEqualTo(1);
        reminders.sendDue();

        Await.until("the patient is reminded", () -> titles(patient).contains("Appointment tomorrow"));
        assertThat(titles(patient)).as("once").filteredOn("Appointment tomorrow"::equals).hasSize(1);
    }

    @Test
    void eachSideReachesOnlyItsOwnDoorsAndItsOwnAppointments() {
        AppointmentPeople people = new AppointmentPeople(ctx);
        UserProfile doctor = people.doctor("0.5");
        UserProfile other = people.doctor("0.5");
        UserProfile patient = people.patient();
        TestFunding.oneToken(ctx, patient);
        AppointmentView v = booked(patient, doctor, as(patient, () -> booking.nextFreeSlots(doctor.id(), 1)).get(0), "private");

        assertThatThrownBy(() -> as(patient, () -> doctors.confirm(v.id()))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(doctor, () -> booking.mine())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(other, () -> doctors.confirm(v.chainId()))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as(other, () -> doctors.find(v.id()))).isInstanceOf(NotFoundException.class);
    }
}

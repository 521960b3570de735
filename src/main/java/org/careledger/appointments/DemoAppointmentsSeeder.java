package org.careledger.appointments;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.careledger.common.Waiting;
import org.careledger.contracts.AppointmentQueries;
import org.careledger.contracts.Registry;
import org.careledger.identity.AccountAdministration;
import org.careledger.identity.ActingAs;
import org.careledger.identity.DemoAccounts;
import org.careledger.identity.Role;
import org.careledger.identity.UserDirectory;
import org.careledger.identity.UserProfile;
import org.careledger.node.LedgerService;
import org.careledger.registry.ProviderAccounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Gives a new demo install appointments a person can book and a history to look at, through the same
 * services and ledger transactions as clicks would, in the background after the ledger is ready:
 * the demo hospital's time zone, default fee and 24-hour cut-off; every demo doctor's weekly hours
 * (Monday to Friday mornings, Tuesday and Thursday afternoons) and a specialty; the demo doctor's own
 * fee. For the demo patient: one upcoming appointment in a few days, one cancelled in time and
 * refunded, and one completed and paid. The completed one is booked for a slot a minute or two ahead
 * (outside the doctor's hours, but through the contract, which still refuses a past slot) and
 * completed once it has started, so the history appears a few minutes after the first start.
 */
@Component
@Profile("demo")
@Order(50)
class DemoAppointmentsSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoAppointmentsSeeder.class);
    private static final Duration PATIENCE = Duration.ofMinutes(4);
    static final String ZONE = "Europe/London";
    static final String DEFAULT_FEE = "5";
    static final String DEMO_DOCTOR_FEE = "6";

    private final AppointmentBooking booking;
    private final DoctorAppointments doctors;
    private final AppointmentAdministration administration;
    private final AccountAdministration accounts;
    private final UserDirectory directory;
    private final ProviderAccounts providerAccounts;
    private final LedgerService ledger;
    private final JdbcClient jdbc;
    private final boolean enabled;
    private final Duration lead;

    DemoAppointmentsSeeder(AppointmentBooking booking, DoctorAppointments doctors, AppointmentAdministration administration,
                           AccountAdministration accounts, UserDirectory directory, ProviderAccounts providerAccounts, LedgerService ledger,
                           JdbcClient jdbc, @Value("${careledger.demo.records:true}") boolean enabled,
                           @Value("${careledger.demo.appointment-lead:90s}") Duration lead) {
        this.booking = booking;
        this.doctors = doctors;
        this.administration = administration;
        this.accounts = accounts;
        this.directory = directory;
        this.providerAccounts = providerAccounts;
        this.ledger = ledger;
        this.jdbc = jdbc;
        this.enabled = enabled;
        this.lead = lead;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled || seeded() || directory.findByUsername(DemoAccounts.PATIENT.username()).isEmpty()) {
            return;
        }
        ledger.whenReady(() -> {
            Thread t = new Thread(this::seedQuietly, "careledger-demo-appointments");
            t.setDaemon(true);
            t.start();
        });
    }

    private boolean seeded() {
        return jdbc.sql("SELECT COUNT(*) FROM appointment_weekly_hours").query(Long.class).single() > 0;
    }

    private void seedQuietly() {
        try {
            long started = System.nanoTime();
            seed(lead);
            log.info("Demo install: seeded doctors' hours and fees and the demo patient's appointments in {} ms",
                    (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            log.warn("Demo appointments were not fully seeded: {}", e.toString());
        }
    }

    /** Seeds; the completed appointment's slot starts {@code lead} from now. */
    void seed(Duration lead) {
        UserProfile admin = directory.findByUsername(DemoAccounts.ADMIN.username()).orElseThrow();
        UserProfile doctor = directory.findByUsername(DemoAccounts.DOCTOR.username()).orElseThrow();
        UserProfile zoe = directory.findByUsername(DemoAccounts.PATIENT.username()).orElseThrow();
        long hospital = doctor.providerId();
        await("the demo hospital's account is on the ledger and the demo doctor affiliated with it", () ->
                providerAccounts.addressOf(hospital).isPresent()
                        && Registry.affiliationOf(ledger.committedStateForReading().view(), doctor.ledgerAddress())
                        .equals(providerAccounts.addressOf(hospital)));
        ActingAs.user(admin, () -> administration.setTerms(hospital, DEFAULT_FEE, 24, ZONE));
        await("the demo hospital's default fee is on the ledger", () -> AppointmentQueries.feeOf(ledger.committedStateForReading(),
                doctor.ledgerAddress()).isPresent());
        for (UserProfile d : directory.activeProfilesWithRole(Role.DOCTOR)) {
            if (d.providerId() == null) {
                continue;
            }
            ActingAs.user(d, () -> doctors.setWeeklyHours(weeklyHours()));
            if (d.specialty() == null) {
                ActingAs.user(admin, () -> accounts.setSpecialty(d.id(), d.id().equals(doctor.id()) ? "General practice" : "Internal medicine"));
            }
        }
        ActingAs.user(doctor, () -> doctors.setFee(DEMO_DOCTOR_FEE));
        await("the demo doctor's own fee is on the ledger", () -> AppointmentQueries.ownFeeOf(ledger.committedStateForReading(),
                doctor.ledgerAddress()).isPresent());
        long fee = AppointmentQueries.feeOf(ledger.committedStateForReading(), doctor.ledgerAddress()).orElseThrow();

        List<Slot> free = ActingAs.user(zoe, () -> booking.freeSlots(doctor.id(), null, AppointmentBooking.HORIZON_DAYS));
        Instant inThreeDays = Instant.now().plus(Duration.ofDays(3));
        Instant inTwoWeeks = Instant.now().plus(Duration.ofDays(14));
        Slot upcoming = free.stream().filter(s -> s.start().isAfter(inThreeDays)).findFirst().orElseThrow();
        Slot later = free.stream().filter(s -> s.start().isAfter(inTwoWeeks)).findFirst().orElseThrow();
        AppointmentView next = ActingAs.user(zoe, () -> booking.book(doctor.id(), upcoming.start(), fee,
                "Follow-up of my blood pressure readings"));
        AppointmentView cancelled = ActingAs.user(zoe, () -> booking.book(doctor.id(), later.start(), fee, "Repeat blood test"));
        Instant soon = Instant.now().plus(lead);
        Slot visit = new Slot(soon, soon.plus(Duration.ofMinutes(20)));
        AppointmentView completed = ActingAs.user(zoe, () -> booking.bookSlot(zoe, doctor, visit, fee, "Persistent cough for two weeks"));
        for (AppointmentView v : List.of(next, cancelled, completed)) {
            await("a demo booking is on the ledger", () -> ActingAs.user(zoe, () -> booking.find(v.id())).chainId() != null);
        }
        ActingAs.user(zoe, () -> booking.cancel(cancelled.id()));
        String chainId = ActingAs.user(zoe, () -> booking.find(completed.id())).chainId();
        ActingAs.user(doctor, () -> doctors.confirm(chainId));
        await("the demo visit is confirmed", () -> ActingAs.user(doctor, () -> doctors.find(chainId)).state() == AppointmentState.CONFIRMED);
        // blocks are mined when there is something to mine, so the next block's time is about now
        await("the demo visit has started", () -> Instant.now().isAfter(visit.start().plusSeconds(1))
                && ActingAs.user(doctor, () -> doctors.find(chainId)).closable());
        ActingAs.user(doctor, () -> doctors.complete(chainId));
        await("the demo visit is completed", () -> ActingAs.user(doctor, () -> doctors.find(chainId)).state() == AppointmentState.COMPLETED);
    }

    private static List<WeeklyHours> weeklyHours() {
        List<WeeklyHours> hours = new ArrayList<>();
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
            hours.add(new WeeklyHours(day, LocalTime.of(9, 0), LocalTime.of(12, 0), 20));
        }
        hours.add(new WeeklyHours(DayOfWeek.TUESDAY, LocalTime.of(14, 0), LocalTime.of(16, 0), 30));
        hours.add(new WeeklyHours(DayOfWeek.THURSDAY, LocalTime.of(14, 0), LocalTime.of(16, 0), 30));
        return hours;
    }

    private static void await(String what, BooleanSupplier condition) {
        Waiting.until(what, PATIENCE, condition);
    }
}

package org.careledger.appointments;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.careledger.Await;
import org.careledger.common.TokenAmount;
import org.careledger.contracts.AppointmentQueries;
import org.careledger.contracts.Registry;
import org.careledger.identity.Role;
import org.careledger.identity.TestAccounts;
import org.careledger.identity.UserProfile;
import org.careledger.node.LedgerService;
import org.springframework.context.ApplicationContext;

/**
 * The people of the appointments' service tests, set up as the portal would: a fresh doctor of the
 * demo hospital, affiliated on the ledger, with hours every day around the clock (so slots are offered
 * whatever time the test runs) and a fee of their own; fresh patients.
 */
final class AppointmentPeople {

    private final ApplicationContext ctx;
    private final LedgerService ledger;

    AppointmentPeople(ApplicationContext ctx) {
        this.ctx = ctx;
        this.ledger = ctx.getBean(LedgerService.class);
    }

    UserProfile patient() {
        UserProfile p = new TestAccounts(ctx).active(Role.PATIENT);
        Await.until(p.fullName() + " is on the ledger's registry",
                () -> Registry.roleOf(ledger.committedState().view(), p.ledgerAddress()).isPresent());
        return p;
    }

    /** A doctor with 20-minute slots all day every day and a fee of {@code feeTokens}, on the ledger. */
    UserProfile doctor(String feeTokens) {
        UserProfile d = new TestAccounts(ctx).active(Role.DOCTOR);
        Await.until(d.fullName() + " is affiliated with their hospital on the ledger",
                () -> Registry.affiliationOf(ledger.committedState().view(), d.ledgerAddress()).isPresent());
        DoctorAppointments doctors = ctx.getBean(DoctorAppointments.class);
        List<WeeklyHours> hours = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            hours.add(new WeeklyHours(day, LocalTime.MIDNIGHT, LocalTime.of(23, 40), 20));
        }
        as(d, () -> doctors.setWeeklyHours(hours));
        as(d, () -> doctors.setFee(feeTokens));
        long fee = TokenAmount.parse(feeTokens, "fee").baseUnits();
        Await.until(d.fullName() + "'s fee is on the ledger", () -> AppointmentQueries.ownFeeOf(ledger.committedState(), d.ledgerAddress())
                .orElse(-1) == fee);
        return d;
    }

    static <T> T as(UserProfile user, Supplier<T> action) {
        return TestAccounts.as(user.username(), user.role(), action);
    }
}

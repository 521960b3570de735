package org.careledger.appointments;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.careledger.contracts.Appointment;
import org.careledger.contracts.AppointmentQueries;
import org.careledger.contracts.ContractState;
import org.careledger.identity.UserProfile;
import org.careledger.node.LedgerService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A doctor's free slots: their hours cut in their provider's zone ({@link SlotPlanner}), less what is
 * booked on chain and on its way here, and less what starts within
 * {@code careledger.appointments.booking-lead} (10 minutes by default: a booking must reach a block
 * before its slot starts), up to {@link AppointmentBooking#HORIZON_DAYS} days ahead.
 */
@Component
class DoctorSlots {

    private final AppointmentRows rows;
    private final AvailabilityRows availability;
    private final AppointmentViews views;
    private final LedgerService ledger;
    private final Clock clock;
    private final long leadMillis;

    DoctorSlots(AppointmentRows rows, AvailabilityRows availability, AppointmentViews views, LedgerService ledger, Clock clock,
                @Value("${careledger.appointments.booking-lead:10m}") Duration lead) {
        this.rows = rows;
        this.availability = availability;
        this.views = views;
        this.ledger = ledger;
        this.clock = clock;
        this.leadMillis = lead.toMillis();
    }

    /** The free slots over {@code days} days from {@code from} (a date in the doctor's zone; today at the earliest), by start. */
    List<Slot> free(UserProfile d, LocalDate from, int days) {
        ZoneId zone = views.zoneOf(d);
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        LocalDate start = from == null || from.isBefore(today) ? today : from;
        int horizon = AppointmentBooking.HORIZON_DAYS;
        int span = Math.max(1, Math.min(days, horizon - (int) ChronoUnit.DAYS.between(today, start)));
        if (start.isAfter(today.plusDays(horizon - 1))) {
            return List.of();
        }
        Instant now = Instant.now(clock);
        return SlotPlanner.freeSlots(zone, availability.weekly(d.id()), availability.changes(d.id(), start), start, span,
                now.plusMillis(leadMillis), taken(d, now));
    }

    /** The first {@code count} free slots from now. */
    List<Slot> next(UserProfile d, int count) {
        List<Slot> all = free(d, null, AppointmentBooking.HORIZON_DAYS);
        return all.subList(0, Math.min(count, all.size()));
    }

    /** Whether {@code start} is one of the doctor's slots at all, taken or not (so "taken" and "never offered" are told apart). */
    boolean isOneOfTheirSlots(UserProfile d, Instant start) {
        ZoneId zone = views.zoneOf(d);
        LocalDate day = start.atZone(zone).toLocalDate();
        return SlotPlanner.freeSlots(zone, availability.weekly(d.id()), availability.changes(d.id(), day), day, 1, Instant.now(clock),
                List.of()).stream().anyMatch(s -> s.start().equals(start));
    }

    /** What the doctor has booked: on chain, and on its way here. */
    private List<Slot> taken(UserProfile d, Instant now) {
        List<Slot> taken = new ArrayList<>();
        ContractState state = ledger.committedStateForReading();
        for (Appointment a : AppointmentQueries.byDoctor(state, d.ledgerAddress())) {
            if (a.state().active() && a.end() > now.toEpochMilli()) {
                taken.add(new Slot(Instant.ofEpochMilli(a.start()), Instant.ofEpochMilli(a.end())));
            }
        }
        for (AppointmentRows.Booking b : rows.ofDoctor(d.id(), now.toEpochMilli() - 4 * 3_600_000L, Long.MAX_VALUE)) {
            if (b.holdsSlot() && b.chainId() == null) { // once on chain, the chain says whether it still holds the slot
                taken.add(new Slot(Instant.ofEpochMilli(b.start()), Instant.ofEpochMilli(b.end())));
            }
        }
        return taken;
    }
}

package org.careledger.appointments;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Cuts a doctor's hours into slots, in the doctor's provider's time zone: wall-clock hours stay where
 * they are when the clocks change (09:00 is 09:00 in summer and winter, so its instant moves). A wall
 * time the clocks skip (in the spring gap) has no slot; one they pass twice (the autumn overlap) has
 * one slot, at the earlier instant. A day off removes the day's weekly hours; extra hours add to
 * them. Slots that start before {@code notBefore} or overlap a taken interval are never offered.
 */
final class SlotPlanner {

    private SlotPlanner() {
    }

    static List<Slot> freeSlots(ZoneId zone, List<WeeklyHours> weekly, List<AvailabilityChange> changes, LocalDate from, int days,
                                Instant notBefore, List<Slot> taken) {
        List<Slot> out = new ArrayList<>();
        for (int d = 0; d < days; d++) {
            LocalDate date = from.plusDays(d);
            for (Hours h : hoursOn(date, weekly, changes)) {
                cut(zone, date, h, notBefore, taken, out);
            }
        }
        out.sort(Comparator.comparing(Slot::start));
        return dedupe(out);
    }

    private record Hours(LocalTime from, LocalTime to, int slotMinutes) {
    }

    private static List<Hours> hoursOn(LocalDate date, List<WeeklyHours> weekly, List<AvailabilityChange> changes) {
        List<AvailabilityChange> today = changes.stream().filter(c -> c.date().equals(date)).toList();
        List<Hours> hours = new ArrayList<>();
        if (today.stream().noneMatch(c -> c.kind() == AvailabilityChange.Kind.DAY_OFF)) {
            weekly.stream().filter(w -> w.day() == date.getDayOfWeek()).forEach(w -> hours.add(new Hours(w.from(), w.to(), w.slotMinutes())));
        }
        today.stream().filter(c -> c.kind() == AvailabilityChange.Kind.EXTRA_HOURS)
                .forEach(c -> hours.add(new Hours(c.from(), c.to(), c.slotMinutes())));
        return hours;
    }

    private static void cut(ZoneId zone, LocalDate date, Hours h, Instant notBefore, List<Slot> taken, List<Slot> out) {
        if (h.slotMinutes() <= 0) {
            return;
        }
        LocalDateTime end = date.atTime(h.to());
        for (LocalDateTime t = date.atTime(h.from()); !t.plusMinutes(h.slotMinutes()).isAfter(end); t = t.plusMinutes(h.slotMinutes())) {
            if (zone.getRules().getValidOffsets(t).isEmpty()) {
                continue; // the clocks skip this wall time
            }
            Instant start = ZonedDateTime.ofLocal(t, zone, null).toInstant();
            Instant stop = ZonedDateTime.ofLocal(t.plusMinutes(h.slotMinutes()), zone, null).toInstant();
            Slot slot = new Slot(start, stop);
            if (!stop.isAfter(start) || start.isBefore(notBefore) || overlapsAny(slot, taken)) {
                continue;
            }
            out.add(slot);
        }
    }

    static boolean overlapsAny(Slot slot, List<Slot> taken) {
        return taken.stream().anyMatch(t -> t.start().isBefore(slot.end()) && slot.start().isBefore(t.end()));
    }

    /** Weekly hours and extra hours may overlap: keep the first slot of any that overlap. */
    private static List<Slot> dedupe(List<Slot> sorted) {
        List<Slot> out = new ArrayList<>();
        for (Slot s : sorted) {
            if (out.isEmpty() || !out.get(out.size() - 1).end().isAfter(s.start())) {
                out.add(s);
            }
        }
        return out;
    }
}

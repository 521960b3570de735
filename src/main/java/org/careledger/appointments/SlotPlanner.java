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
 * them, keeping the weekly slots where the two overlap (so a day's slots never overlap, and a
 * different slot length in the extra hours does not shift the weekly ones). Slots that start before {@code notBefore} or overlap a taken interval are never offered.
 */
final class SlotPlanner {

    private SlotPlanner() {
    }

    static List<Slot> freeSlots(ZoneId zone, List<WeeklyHours> weekly, List<AvailabilityChange> changes, LocalDate from, int days,
                                Instant notBefore, List<Slot> taken) {
        List<Slot> out = new ArrayList<>();
        for (int d = 0; d < days; d++) {
            LocalDate date = from.plusDays(d);
            List<Slot> day = new ArrayList<>();
            for (Hours h : hoursOn(date, weekly, changes)) {
                List<Slot> cutHere = new ArrayList<>();
                cut(zone, date, h, notBefore, taken, cutHere);
                // hours listed first keep their slots; later hours add only what does not overlap them
                cutHere.stream().filter(s -> !overlapsAny(s, day)).forEach(day::add);
            }
            out.addAll(day);
        }
        out.sort(Comparator.comparing(Slot::start));
        return out;
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
}

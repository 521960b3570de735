package org.careledger.appointments;

import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.careledger.common.InvalidInputException;

/** What a doctor's hours must be: spans within one day, from before to, cut into 5- to 240-minute slots, not overlapping. */
final class AvailabilityRules {

    private AvailabilityRules() {
    }

    /**
     * Checks weekly hours: each span as {@link #checkSpan}, and no two spans of one day overlapping.
     *
     * @throws InvalidInputException naming each row that is wrong ({@code hours0}, {@code hours1} ...)
     */
    static void checkWeekly(List<WeeklyHours> hours) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (int i = 0; i < hours.size(); i++) {
            WeeklyHours h = hours.get(i);
            checkSpan(h.from(), h.to(), h.slotMinutes(), "hours" + i, errors);
            for (int j = 0; j < i; j++) {
                WeeklyHours o = hours.get(j);
                if (o.day() == h.day() && o.from().isBefore(h.to()) && h.from().isBefore(o.to())) {
                    errors.put("hours" + i, h.day() + " " + h.from() + "–" + h.to() + " overlaps " + o.from() + "–" + o.to());
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    /** Adds to {@code errors} under {@code field} what is wrong with one span of hours, if anything. */
    static void checkSpan(LocalTime from, LocalTime to, int slotMinutes, String field, Map<String, String> errors) {
        if (from == null || to == null || !from.isBefore(to)) {
            errors.put(field, "Hours run from an earlier to a later time of the same day");
        } else if (slotMinutes < 5 || slotMinutes > 240) {
            errors.put(field, "A slot lasts 5 to 240 minutes");
        } else if (from.plusMinutes(slotMinutes).isAfter(to) || from.plusMinutes(slotMinutes).isBefore(from)) {
            errors.put(field, "The hours hold not even one slot of " + slotMinutes + " minutes");
        }
    }
}

package org.careledger.appointments;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Objects;

/** A doctor's recurring hours on one weekday, in their provider's time zone, cut into slots of {@code slotMinutes}. */
public record WeeklyHours(DayOfWeek day, LocalTime from, LocalTime to, int slotMinutes) {

    public WeeklyHours {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }
}

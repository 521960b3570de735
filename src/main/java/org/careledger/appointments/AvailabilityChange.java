package org.careledger.appointments;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Objects;

/**
 * A one-off change to a doctor's hours on a date, in their provider's time zone: a day off (no hours
 * at all that day; bookings already made for it are declined with a full refund) or extra hours.
 *
 * @param id the change's id; 0 for one not yet saved
 */
public record AvailabilityChange(long id, LocalDate date, Kind kind, LocalTime from, LocalTime to, int slotMinutes) {

    public enum Kind {
        DAY_OFF("Day off"),
        EXTRA_HOURS("Extra hours");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public AvailabilityChange {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(kind, "kind");
    }

    public static AvailabilityChange dayOff(LocalDate date) {
        return new AvailabilityChange(0, date, Kind.DAY_OFF, null, null, 0);
    }

    public static AvailabilityChange extraHours(LocalDate date, LocalTime from, LocalTime to, int slotMinutes) {
        return new AvailabilityChange(0, date, Kind.EXTRA_HOURS, from, to, slotMinutes);
    }
}

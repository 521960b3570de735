package org.careledger.records;

import java.time.Duration;
import java.util.Map;

/** The limits every consent form and service checks: how long access may last, how long a note may be. */
public final class ConsentLimits {

    public static final Duration MIN_DURATION = Duration.ofHours(1);
    public static final Duration MAX_DURATION = Duration.ofDays(365);
    public static final int MAX_NOTE = 1000;
    public static final int MIN_EMERGENCY_REASON = 10;

    private ConsentLimits() {
    }

    static void checkDuration(Duration duration, Map<String, String> errors) {
        if (duration == null) {
            errors.put("duration", "Choose how long");
        } else if (duration.compareTo(MIN_DURATION) < 0 || duration.compareTo(MAX_DURATION) > 0) {
            errors.put("duration", "Between 1 hour and 365 days");
        }
    }

    /** The text stripped, or "" for none. */
    static String clean(String text) {
        return text == null ? "" : text.strip();
    }

    /** "7 days", "1 hour". */
    static String describe(Duration d) {
        if (d.toDays() >= 1 && d.toHours() % 24 == 0) {
            return d.toDays() == 1 ? "1 day" : d.toDays() + " days";
        }
        return d.toHours() == 1 ? "1 hour" : d.toHours() + " hours";
    }
}

package org.careledger.analytics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.careledger.analytics.cube.Bucket;
import org.careledger.common.InvalidInputException;

/**
 * A chart's period: a grain and the year it ends with — the months of that year, the quarters of the
 * three years ending with it, or the ten years ending with it. Only these fixed buckets can be asked
 * for, so two periods never differ by a few days.
 */
public record Period(Grain grain, int endYear) {

    public static final int FIRST_YEAR = 2000;

    public Period {
        if (grain == null) {
            throw InvalidInputException.of("grain", "Choose months, quarters or years");
        }
        if (endYear < FIRST_YEAR || endYear > 2200) {
            throw InvalidInputException.of("year", "Choose a year from " + FIRST_YEAR);
        }
    }

    /** The buckets shown, oldest first. */
    public List<Bucket> buckets() {
        LocalDate end = LocalDate.of(endYear, 12, 1);
        Bucket last = Bucket.of(grain.level(), end);
        List<Bucket> out = new ArrayList<>();
        Bucket b = Bucket.of(grain.level(), switch (grain) {
            case MONTHS -> LocalDate.of(endYear, 1, 1);
            case QUARTERS -> LocalDate.of(endYear - 2, 1, 1);
            case YEARS -> LocalDate.of(endYear - 9, 1, 1);
        });
        while (b.compareTo(last) <= 0) {
            out.add(b);
            b = b.next();
        }
        return out;
    }

    /** "Months of 2026", "Quarters of 2024–2026", "2017–2026". */
    public String describe() {
        return switch (grain) {
            case MONTHS -> "Months of " + endYear;
            case QUARTERS -> "Quarters of " + (endYear - 2) + "–" + endYear;
            case YEARS -> (endYear - 9) + "–" + endYear;
        };
    }
}

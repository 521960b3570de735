package org.careledger.records;

import java.util.Collection;
import java.util.Locale;
import java.util.stream.Collectors;

import org.careledger.contracts.Purpose;
import org.careledger.contracts.RecordCategory;

/** How categories and purposes read for a person: "lab result", "second opinion". */
public final class RecordLabels {

    private RecordLabels() {
    }

    public static String category(RecordCategory category) {
        return category.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    public static String categories(Collection<RecordCategory> categories) {
        return categories.stream().sorted().map(RecordLabels::category).collect(Collectors.joining(", "));
    }

    /** "7 days", "1 hour". */
    public static String duration(java.time.Duration duration) {
        return ConsentLimits.describe(duration);
    }

    public static String purpose(Purpose purpose) {
        return purpose.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}

package org.careledger.records.demo;

import java.time.LocalDate;
import java.util.Objects;

/**
 * An allergy or intolerance to a substance, with its category (food, medication, environment) and
 * the first recorded reaction and its severity, both null when none was recorded. Synthea gives the
 * code system as "Unknown": medicines are RxNorm codes, other substances SNOMED CT.
 */
public record DemoAllergy(LocalDate start, String system, String code, String display, String category,
                          String reaction, String severity) {

    public DemoAllergy {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(display, "display");
        Objects.requireNonNull(category, "category");
    }
}

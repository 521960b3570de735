package org.careledger.records.demo;

import java.time.LocalDate;
import java.util.Objects;

/** A diagnosis, coded in {@code system} (always "SNOMED-CT" in the demo data); {@code stop} is null while it lasts. */
public record DemoCondition(LocalDate start, LocalDate stop, String system, String code, String display) {

    public DemoCondition {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(display, "display");
    }
}

package org.careledger.records.demo;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One medicine taken for one reason, from its first order to its last: {@code stop} is null while
 * it is still taken. The reason, when given, is a SNOMED CT code, usually one of the patient's
 * conditions; both reason fields are null when Synthea recorded none.
 */
public record DemoMedication(LocalDate start, LocalDate stop, String rxNormCode, String display, String reasonCode,
                             String reasonDisplay) {

    public DemoMedication {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(rxNormCode, "rxNormCode");
        Objects.requireNonNull(display, "display");
        if ((reasonCode == null) != (reasonDisplay == null)) {
            throw new IllegalArgumentException("A reason needs both its code and its display");
        }
    }
}

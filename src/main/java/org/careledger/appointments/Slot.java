package org.careledger.appointments;

import java.time.Instant;

/** A bookable slot: [{@code start}, {@code end}). */
public record Slot(Instant start, Instant end) {
}

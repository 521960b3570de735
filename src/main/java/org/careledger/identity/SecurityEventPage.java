package org.careledger.identity;

import java.util.List;
import java.util.Optional;

/**
 * One page of security events, newest first, and whether older ones match the same filter: ask for
 * them with {@link #olderCursor()} as {@code olderThan}.
 */
public record SecurityEventPage(List<SecurityEvent> events, boolean hasOlder) {

    public SecurityEventPage {
        events = List.copyOf(events);
    }

    /** The cursor for the next (older) page: the last event's id, if there are older events. */
    public Optional<Long> olderCursor() {
        return hasOlder && !events.isEmpty() ? Optional.of(events.get(events.size() - 1).id()) : Optional.empty();
    }
}

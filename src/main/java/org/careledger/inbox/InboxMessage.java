package org.careledger.inbox;

import java.time.Instant;

/** One notification as the inbox view shows it; {@code link} is a route in the portal, or null. */
public record InboxMessage(long id, String title, String body, String link, Instant createdAt, Instant readAt) {

    public boolean unread() {
        return readAt == null;
    }
}

package org.careledger.inbox;

import java.time.Instant;

/**
 * One notification as the inbox view shows it; {@code link} is a route in the portal (with the item
 * it names as a parameter where the page has one), or null. A notification that asked its recipient,
 * or several people, to act is <em>handled</em> once someone did: {@code settledAt} says when and
 * {@code outcome} how ("Approved by Ada Lovelace", "You granted this request"); it is read from then on.
 */
public record InboxMessage(long id, String title, String body, String link, Instant createdAt, Instant readAt,
                           String outcome, Instant settledAt) {

    public boolean unread() {
        return readAt == null;
    }

    public boolean handled() {
        return settledAt != null;
    }
}

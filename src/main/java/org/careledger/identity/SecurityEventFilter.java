package org.careledger.identity;

import java.time.Instant;

/**
 * Which stored security events an admin asks for; every part is optional (null: any).
 *
 * @param user the username an event is about or the admin who acted, as they sign in (any case)
 * @param kind the event's kind as stored ({@code LOGIN}, {@code LOCK}, {@code ROLE_CHANGE} ...)
 * @param from the earliest time, inclusive
 * @param to   the latest time, exclusive
 */
public record SecurityEventFilter(String user, String kind, Instant from, Instant to) {

    /** Every event. */
    public static final SecurityEventFilter ANY = new SecurityEventFilter(null, null, null, null);
}

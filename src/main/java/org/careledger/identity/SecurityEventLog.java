package org.careledger.identity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

import jakarta.annotation.security.RolesAllowed;

import org.careledger.common.InvalidInputException;
import org.careledger.common.SingleLine;
import org.careledger.identity.internal.SecurityEvents;
import org.springframework.stereotype.Service;

/**
 * The stored security events, for admins: sign-ins and their failures, locks and unlocks,
 * registrations, approvals, role changes, resets, ended sessions, emergency accesses and their
 * reviews, the consortium console's pauses of a node's sealing and its integrity audits. Newest
 * first, at most {@value #MAX_LIMIT} at a time; {@link #page} filters by user, kind and time, a page
 * of at most {@value #MAX_PAGE} at a time.
 */
@Service
@RolesAllowed(AppRoles.ADMIN)
public class SecurityEventLog {

    public static final int MAX_LIMIT = 1_000;
    public static final int MAX_PAGE = 100;

    /** The kinds the portal writes, offered for filtering even before one has happened. */
    static final List<String> KINDS_WRITTEN = List.of("LOGIN", "LOCK", "UNLOCK", "REGISTRATION", "APPROVAL", "ROLE_CHANGE",
            "DISABLE", "ENABLE", "PASSWORD_RESET", "PASSWORD_CHANGE", "SESSIONS_ENDED", "FIRST_ADMIN",
            SecurityAudit.EMERGENCY_ACCESS, SecurityAudit.EMERGENCY_REVIEW, SecurityAudit.SEALING_PAUSED,
            SecurityAudit.SEALING_RESUMED, SecurityAudit.INTEGRITY_AUDIT);

    private static final Pattern KIND = Pattern.compile("[A-Z_]{1,40}");
    private static final int MAX_USER = 130;

    private final SecurityEvents events;

    SecurityEventLog(SecurityEvents events) {
        this.events = events;
    }

    public List<SecurityEvent> latest(int limit) {
        return events.latest(bounded(limit));
    }

    /** The events about one user (the username as they sign in with, in any case). */
    public List<SecurityEvent> forUsername(String username, int limit) {
        return events.about(username, bounded(limit));
    }

    /**
     * A page of the events {@code filter} matches, newest first: the newest when {@code olderThan} is
     * null, else those older than the event with that id (a previous page's {@link SecurityEventPage#olderCursor()}).
     * {@code size} is held to 1 .. {@value #MAX_PAGE}. The user matches the user an event is about
     * and the admin who acted.
     *
     * @throws InvalidInputException for a user that is not one line or too long ({@code user}), a kind
     *                               that is not one ({@code kind}), or an end not after the start ({@code to})
     */
    public SecurityEventPage page(SecurityEventFilter filter, Long olderThan, int size) {
        SecurityEventFilter f = checked(filter == null ? SecurityEventFilter.ANY : filter);
        int pageSize = Math.max(1, Math.min(size, MAX_PAGE));
        List<SecurityEvent> found = events.page(f.user(), f.kind(), f.from(), f.to(), olderThan, pageSize + 1);
        boolean older = found.size() > pageSize;
        return new SecurityEventPage(older ? found.subList(0, pageSize) : found, older);
    }

    /** Every kind an admin may filter by: those the portal writes and any other stored, sorted. */
    public List<String> kinds() {
        TreeSet<String> all = new TreeSet<>(KINDS_WRITTEN);
        all.addAll(events.kinds());
        return List.copyOf(all);
    }

    private static SecurityEventFilter checked(SecurityEventFilter filter) {
        Map<String, String> errors = new LinkedHashMap<>();
        String user = blankToNull(filter.user());
        if (user != null && !SingleLine.holds(user)) {
            errors.put("user", SingleLine.MESSAGE);
        } else if (user != null && user.length() > MAX_USER) {
            errors.put("user", "A username has at most " + MAX_USER + " characters");
        }
        String kind = blankToNull(filter.kind());
        if (kind != null && !KIND.matcher(kind).matches()) {
            errors.put("kind", "Choose a kind from the list, such as LOGIN or ROLE_CHANGE");
        }
        if (filter.from() != null && filter.to() != null && !filter.to().isAfter(filter.from())) {
            errors.put("to", "The end must come after the start");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new SecurityEventFilter(user == null ? null : user.toLowerCase(Locale.ROOT), kind, filter.from(), filter.to());
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static int bounded(int limit) {
        return Math.max(1, Math.min(limit, MAX_LIMIT));
    }
}

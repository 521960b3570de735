package org.careledger.identity;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;

import org.careledger.identity.internal.SecurityEvents;
import org.springframework.stereotype.Service;

/**
 * The stored security events, for admins: sign-ins and their failures, locks and unlocks,
 * registrations, approvals, role changes, resets, ended sessions. Newest first, at most
 * {@value #MAX_LIMIT} at a time.
 */
@Service
@RolesAllowed(AppRoles.ADMIN)
public class SecurityEventLog {

    public static final int MAX_LIMIT = 1_000;

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

    private static int bounded(int limit) {
        return Math.max(1, Math.min(limit, MAX_LIMIT));
    }
}

package org.careledger.identity;

import org.careledger.identity.internal.SecurityEvents;
import org.springframework.stereotype.Service;

/**
 * What other modules add to the stored security events: a doctor's emergency access ("break the
 * glass") and an admin's review of it, so the admins' event list holds them beside sign-ins and
 * role changes. Called after the declaring transaction has committed, so an event names only what
 * happened. The chain keeps its own record of both (consent contract); this is the portal's log.
 */
@Service
public class SecurityAudit {

    private final SecurityEvents events;

    SecurityAudit(SecurityEvents events) {
        this.events = events;
    }

    /** {@code doctor} opened {@code patient}'s whole record under an emergency access. */
    public void emergencyAccessDeclared(UserProfile doctor, UserProfile patient) {
        events.record("EMERGENCY_ACCESS", doctor.username(), "declared for patient " + patient.username(), doctor.username());
    }

    /** {@code admin} judged an emergency access of {@code doctor}'s justified or not. */
    public void emergencyAccessReviewed(UserProfile admin, String doctorUsername, boolean justified) {
        events.record("EMERGENCY_REVIEW", doctorUsername, justified ? "judged justified" : "judged not justified", admin.username());
    }
}

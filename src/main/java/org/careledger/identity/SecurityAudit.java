package org.careledger.identity;

import org.careledger.identity.internal.SecurityEvents;
import org.springframework.stereotype.Service;

/**
 * What other modules add to the stored security events, so the admins' event list holds them beside
 * sign-ins and role changes: a doctor's emergency access ("break the glass") and an admin's review of
 * it; an admin pausing or resuming a ledger node's sealing; an integrity audit's outcome. Called
 * after the change has happened (the declaring transaction has committed), so an event names only
 * what happened. The chain keeps its own record of emergency accesses (consent contract); this is
 * the portal's log.
 */
@Service
public class SecurityAudit {

    public static final String EMERGENCY_ACCESS = "EMERGENCY_ACCESS";
    public static final String EMERGENCY_REVIEW = "EMERGENCY_REVIEW";
    public static final String SEALING_PAUSED = "SEALING_PAUSED";
    public static final String SEALING_RESUMED = "SEALING_RESUMED";
    public static final String INTEGRITY_AUDIT = "INTEGRITY_AUDIT";

    private final SecurityEvents events;

    SecurityAudit(SecurityEvents events) {
        this.events = events;
    }

    /** {@code doctor} opened {@code patient}'s whole record under an emergency access. */
    public void emergencyAccessDeclared(UserProfile doctor, UserProfile patient) {
        events.record(EMERGENCY_ACCESS, doctor.username(), "declared for patient " + patient.username(), doctor.username());
    }

    /** {@code admin} judged an emergency access of {@code doctor}'s justified or not. */
    public void emergencyAccessReviewed(UserProfile admin, String doctorUsername, boolean justified) {
        events.record(EMERGENCY_REVIEW, doctorUsername, justified ? "judged justified" : "judged not justified", admin.username());
    }

    /** The admin signed in as {@code adminUsername} paused ledger node {@code node}'s sealing. */
    public void sealingPaused(String adminUsername, String node) {
        events.record(SEALING_PAUSED, adminUsername, "paused sealing on node " + node, adminUsername);
    }

    /** The admin signed in as {@code adminUsername} let ledger node {@code node} seal again. */
    public void sealingResumed(String adminUsername, String node) {
        events.record(SEALING_RESUMED, adminUsername, "resumed sealing on node " + node, adminUsername);
    }

    /**
     * An integrity audit that {@code adminUsername} started ended: {@code outcome} says how, in a few
     * words ("valid: 3 nodes", "invalid: riverside at height 12 (storeChecksum)", "cancelled").
     */
    public void integrityAudited(String adminUsername, String outcome) {
        events.record(INTEGRITY_AUDIT, adminUsername, outcome, adminUsername);
    }
}

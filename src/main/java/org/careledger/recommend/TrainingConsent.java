package org.careledger.recommend;

import java.time.Clock;
import java.time.Instant;

import jakarta.annotation.security.RolesAllowed;

import org.careledger.identity.AppRoles;
import org.careledger.identity.CurrentUser;
import org.careledger.recommend.internal.TrainingConsentRows;
import org.springframework.stereotype.Service;

/**
 * The patient's consent to "use my de-identified records to improve decision support": off unless the
 * patient turns it on. A retraining reads only the records of patients whose consent is on when it
 * runs; a withdrawal leaves the patient out of every later one (models already trained are not
 * unlearned; the README says so).
 */
@Service
@RolesAllowed(AppRoles.PATIENT)
public class TrainingConsent {

    private final TrainingConsentRows rows;
    private final CurrentUser currentUser;
    private final Clock clock;

    TrainingConsent(TrainingConsentRows rows, CurrentUser currentUser, Clock clock) {
        this.rows = rows;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** The signed-in patient's choice, and when it last changed (null if never). */
    public Choice mine() {
        long me = currentUser.require().id().value();
        return new Choice(rows.optedIn(me), rows.changedAt(me));
    }

    /** Turns the signed-in patient's consent on or off. */
    public Choice set(boolean optedIn) {
        rows.set(currentUser.require().id().value(), optedIn, Instant.now(clock));
        return mine();
    }

    public record Choice(boolean optedIn, Instant changedAt) {
    }
}

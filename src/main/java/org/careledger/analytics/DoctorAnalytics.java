package org.careledger.analytics;

import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.careledger.analytics.internal.Charts;
import org.careledger.analytics.internal.CubeCache;
import org.careledger.analytics.internal.FactSources;
import org.careledger.analytics.internal.HistoryCells;
import org.careledger.identity.AppRoles;
import org.careledger.identity.CurrentUser;
import org.careledger.identity.UserProfile;
import org.springframework.stereotype.Service;

/**
 * A doctor's own figures: their diagnoses, prescriptions, appointments and consent requests over a period, counted
 * from the same read model as the hospital's and suppressed the same way (a count of fewer than 5 of
 * their patients shows as "&lt; 5"). Only the signed-in doctor's own; no other doctor's, no hospital's.
 */
@Service
@RolesAllowed(AppRoles.DOCTOR)
public class DoctorAnalytics {

    private final CubeCache cubes;
    private final CurrentUser currentUser;
    private final Clock clock;

    DoctorAnalytics(CubeCache cubes, CurrentUser currentUser, Clock clock) {
        this.cubes = cubes;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    public Period defaultPeriod() {
        return new Period(Grain.MONTHS, LocalDate.now(clock).getYear());
    }

    /** Moves when newer figures are ready (a page redraws its charts then). */
    public long version() {
        return cubes.publishedVersion();
    }

    /** The signed-in doctor's charts for the period. */
    public List<ChartData> myCharts(Period period) {
        UserProfile me = currentUser.require();
        String scope = FactSources.doctorScope(me.id());
        String label = "your patients";
        HistoryCells history = cubes.history();
        return List.of(
                Charts.diagnoses(cubes.snapshot(HistoryCells.DIAGNOSES + FactSources.FOR_DOCTORS, scope), history, period, scope, label),
                Charts.prescriptionsByState(cubes.snapshot(HistoryCells.PRESCRIPTIONS + FactSources.FOR_DOCTORS, scope), period, scope, label),
                Charts.appointments(cubes.snapshot(FactSources.APPOINTMENTS + FactSources.FOR_DOCTORS, scope), period, scope, label),
                Charts.consents(cubes.snapshot(Charts.CONSENTS + FactSources.FOR_DOCTORS, scope), period, scope, label));
    }
}

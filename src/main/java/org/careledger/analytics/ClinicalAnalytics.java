package org.careledger.analytics;

import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.careledger.analytics.internal.Charts;
import org.careledger.analytics.internal.CubeCache;
import org.careledger.analytics.internal.FactSources;
import org.careledger.analytics.internal.HistoryCells;
import org.careledger.analytics.internal.PatientCensus;
import org.careledger.common.InvalidInputException;
import org.careledger.identity.AppRoles;
import org.careledger.identity.UserDirectory;
import org.careledger.identity.UserId;
import org.careledger.identity.UserProfile;
import org.careledger.provider.ProviderView;
import org.careledger.provider.Providers;
import org.springframework.stereotype.Service;

/**
 * The hospital's clinical figures for admins: aggregates only, from the analytics read model (never
 * from records on a page view), every count of fewer than 5 distinct patients suppressed together
 * with whatever would give it away. No name, address or free text is in any figure.
 */
@Service
@RolesAllowed(AppRoles.ADMIN)
public class ClinicalAnalytics {

    private final CubeCache cubes;
    private final Providers providers;
    private final UserDirectory users;
    private final Clock clock;

    ClinicalAnalytics(CubeCache cubes, Providers providers, UserDirectory users, Clock clock) {
        this.cubes = cubes;
        this.providers = providers;
        this.users = users;
        this.clock = clock;
    }

    /** A pharmacy's name for a chart's legend. */
    private String pharmacyName(String pharmacyKey) {
        String id = pharmacyKey.substring(FactSources.PHARMACY.length());
        return providers.find(Long.parseLong(id)).map(ProviderView::name).orElse("Pharmacy " + id);
    }

    /** A doctor's name for a chart's legend (staff, not patients). */
    private String doctorName(String doctorScope) {
        String id = doctorScope.substring(doctorScope.indexOf(':') + 1);
        return users.find(new UserId(Long.parseLong(id))).map(UserProfile::fullName).orElse("Doctor " + id);
    }

    /** The filters a chart may follow: all providers, the synthetic history (when the install has it), each provider. */
    public List<AnalyticsScope> scopes() {
        List<AnalyticsScope> out = new ArrayList<>();
        out.add(AnalyticsScope.ALL);
        if (!cubes.history().isEmpty()) {
            out.add(new AnalyticsScope(HistoryCells.SCOPE, "Synthetic history (Synthea)"));
        }
        for (ProviderView p : providers.all()) {
            out.add(new AnalyticsScope(AnalyticsScope.ofProvider(p.id()), p.name()));
        }
        return out;
    }

    /** The years a period may end with, newest first: from this year back to {@link Period#FIRST_YEAR}'s decade or the history's start. */
    public List<Integer> years() {
        int now = LocalDate.now(clock).getYear();
        List<Integer> out = new ArrayList<>();
        for (int y = now; y >= Math.max(Period.FIRST_YEAR, now - 15); y--) {
            out.add(y);
        }
        return out;
    }

    /** The default period: the months of this year. */
    public Period defaultPeriod() {
        return new Period(Grain.MONTHS, LocalDate.now(clock).getYear());
    }

    /** Moves when newer figures are ready (a page redraws its charts then). */
    public long version() {
        return cubes.publishedVersion();
    }

    /** The clinical charts for the period and scope. */
    public List<ChartData> charts(Period period, String scopeId) {
        AnalyticsScope scope = scopes().stream().filter(s -> s.id().equals(scopeId)).findFirst()
                .orElseThrow(() -> InvalidInputException.of("provider", "Choose a provider from the list"));
        HistoryCells history = cubes.history();
        return List.of(
                Charts.diagnoses(cubes.snapshot(HistoryCells.DIAGNOSES), history, period, scope.id(), scope.label()),
                Charts.prescriptionsByState(cubes.snapshot(HistoryCells.PRESCRIPTIONS), period, scope.id(), scope.label()),
                Charts.prescriptionsByMedicine(cubes.snapshot(HistoryCells.PRESCRIPTIONS), history, period, scope.id(), scope.label()),
                Charts.dispensedPerPharmacy(cubes.snapshot(HistoryCells.PRESCRIPTIONS), period, scope.id(), scope.label(), this::pharmacyName),
                Charts.appointments(cubes.snapshot(FactSources.APPOINTMENTS), period, scope.id(), scope.label()),
                Charts.appointmentsPerDoctor(cubes.snapshot(FactSources.APPOINTMENTS), period, scope.id(), scope.label(), this::doctorName),
                Charts.consents(cubes.snapshot(Charts.CONSENTS), period, scope.id(), scope.label()),
                Charts.emergencies(cubes.snapshot(Charts.CONSENTS), period, scope.id(), scope.label()),
                Charts.patients(cubes.snapshot(PatientCensus.FIGURE), scope.id(), scope.label()));
    }
}

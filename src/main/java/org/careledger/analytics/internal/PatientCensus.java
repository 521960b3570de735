package org.careledger.analytics.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.careledger.analytics.cube.Bucket;
import org.careledger.analytics.cube.CellRef;
import org.careledger.analytics.cube.Counts;
import org.careledger.identity.Role;
import org.careledger.identity.UserDirectory;
import org.careledger.identity.UserProfile;
import org.springframework.stereotype.Component;

/**
 * The patients by age band and sex, today: the synthetic history's living patients (scope
 * {@link HistoryCells#SCOPE}) and the portal's active patients (scope {@link #PORTAL}; registration
 * records no sex, so theirs is "not recorded"). Counted when the figure's cube is computed, from the
 * bundled birth dates and the directory's active patients, never on a page view.
 */
@Component
public class PatientCensus {

    public static final String FIGURE = "patients";
    public static final String PORTAL = "portal";
    public static final List<String> BANDS = List.of("0-17", "18-29", "30-44", "45-64", "65-79", "80+");
    public static final List<String> SEXES = List.of("female", "male", "not recorded");

    private final UserDirectory users;
    private final Clock clock;

    PatientCensus(UserDirectory users, Clock clock) {
        this.users = users;
        this.clock = clock;
    }

    /** The cube's cells: each patient once, in their band and sex, in their scope and all scopes. */
    public Map<CellRef, Counts> cells(HistoryCells history) {
        LocalDate today = LocalDate.now(clock);
        Map<CellRef, Long> counts = new HashMap<>();
        for (HistoryCells.Patient p : history.patients()) {
            if (p.died() == null || p.died().isAfter(today)) {
                count(counts, band(p.born(), today), "F".equals(p.sex()) ? "female" : "M".equals(p.sex()) ? "male" : "not recorded",
                        HistoryCells.SCOPE);
            }
        }
        for (UserProfile u : users.activeProfilesWithRole(Role.PATIENT)) {
            if (u.dateOfBirth() != null) {
                count(counts, band(u.dateOfBirth(), today), "not recorded", PORTAL);
            }
        }
        Map<CellRef, Counts> out = new HashMap<>();
        counts.forEach((c, n) -> out.put(c, new Counts(n, n)));
        return out;
    }

    private static void count(Map<CellRef, Long> counts, String band, String sex, String scope) {
        for (String b : List.of(band, CellRef.ANY)) {
            for (String s : List.of(sex, CellRef.ANY)) {
                for (String sc : List.of(scope, CellRef.ANY)) {
                    counts.merge(new CellRef(List.of(b, s), Bucket.ALL, sc), 1L, Long::sum);
                }
            }
        }
    }

    static String band(LocalDate born, LocalDate today) {
        int age = Period.between(born, today).getYears();
        if (age < 18) {
            return "0-17";
        }
        if (age < 30) {
            return "18-29";
        }
        if (age < 45) {
            return "30-44";
        }
        if (age < 65) {
            return "45-64";
        }
        return age < 80 ? "65-79" : "80+";
    }
}

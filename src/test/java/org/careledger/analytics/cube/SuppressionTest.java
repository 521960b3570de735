package org.careledger.analytics.cube;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SuppressionTest {

    /** One fact: a patient counted under a key, on a day, at a provider. */
    record Fact(List<String> key, LocalDate day, String scope, String patient) {
    }

    /** The cube the facts make, with distinct patients per cell, as the read model keeps it. */
    static Map<CellRef, Counts> cube(List<Fact> facts, boolean withAllScopes) {
        Map<CellRef, Long> events = new HashMap<>();
        Map<CellRef, Set<String>> patients = new HashMap<>();
        for (Fact f : facts) {
            for (CellRef c : CellRef.countedIn(f.key(), f.day(), f.scope(), withAllScopes)) {
                events.merge(c, 1L, Long::sum);
                patients.computeIfAbsent(c, k -> new HashSet<>()).add(f.patient());
            }
        }
        Map<CellRef, Counts> cube = new HashMap<>();
        events.forEach((c, n) -> cube.put(c, new Counts(n, patients.get(c).size())));
        return cube;
    }

    private static Fact fact(String condition, String day, String provider, String patient) {
        return new Fact(List.of(condition), LocalDate.parse(day), provider, patient);
    }

    @Test
    void aMonthOfFewerThanFivePatientsIsHiddenAndSoIsASecondMonthOfItsQuarter() {
        List<Fact> facts = new ArrayList<>();
        for (int p = 0; p < 3; p++) {
            facts.add(fact("asthma", "2026-01-10", "p1", "a" + p));
        }
        for (int p = 0; p < 6; p++) {
            facts.add(fact("asthma", "2026-02-10", "p1", "b" + p));
        }
        for (int p = 0; p < 9; p++) {
            facts.add(fact("asthma", "2026-03-10", "p1", "c" + p));
        }
        Set<CellRef> hidden = Suppression.suppressed(cube(facts, false), 5);

        CellRef january = CellRef.of(Bucket.of(Level.MONTH, LocalDate.parse("2026-01-01")), "p1", "asthma");
        CellRef february = january.withBucket(Bucket.of(Level.MONTH, LocalDate.parse("2026-02-01")));
        CellRef march = january.withBucket(Bucket.of(Level.MONTH, LocalDate.parse("2026-03-01")));
        CellRef quarter = january.withBucket(Bucket.of(Level.QUARTER, LocalDate.parse("2026-01-01")));
        assertThat(hidden).as("3 patients: primary").contains(january)
                .as("the smallest other month, or the quarter minus March gives January away").contains(february)
                .doesNotContain(march, quarter);
    }

    @Test
    void aCubeOfThreePatientsHidesEveryCellAndCannotBeSolved() {
        List<Fact> facts = new ArrayList<>();
        for (int p = 0; p < 3; p++) {
            facts.add(fact("sinusitis", "2014-06-10", "p2", "a" + p));
        }
        Map<CellRef, Counts> cube = cube(facts, true);
        Set<CellRef> hidden = Suppression.suppressed(cube, 5);
        assertThat(hidden).containsExactlyInAnyOrderElementsOf(cube.keySet());
        assertThat(Attack.recoverable(cube, hidden)).isEmpty();
    }

    @Test
    void zeroIsShownAndNothingIsHiddenWhereEveryCellHasFivePatients() {
        List<Fact> facts = new ArrayList<>();
        for (int p = 0; p < 5; p++) {
            facts.add(fact("asthma", "2026-01-10", "p1", "a" + p));
            facts.add(fact("eczema", "2026-01-11", "p1", "b" + p));
        }
        assertThat(Suppression.suppressed(cube(facts, true), 5)).isEmpty();
    }

    @Test
    void noSuppressedCountOfARandomCubeCanBeSolvedForFromTheShownOnes() {
        Random random = new Random(7);
        for (int round = 0; round < 10; round++) {
            List<Fact> facts = randomFacts(random, 40 + random.nextInt(160));
            Map<CellRef, Counts> cube = cube(facts, true);
            Set<CellRef> hidden = Suppression.suppressed(cube, 5);
            assertThat(hidden).as("round %d hides something", round).isNotEmpty();
            assertThat(Attack.recoverable(cube, hidden)).as("round %d: suppressed cells solved for from the rest", round).isEmpty();
            for (CellRef c : cube.keySet()) {
                long patients = cube.get(c).patients();
                if (patients > 0 && patients < 5) {
                    assertThat(hidden).as("round %d: %s counts %d patients", round, c, patients).contains(c);
                }
            }
        }
    }

    @Test
    void theAttackFindsWhatPrimarySuppressionAloneLeaves() {
        // the check above is only worth something if it can fail: with small cells hidden and nothing
        // else, a quarter minus its two other months gives a month away
        List<Fact> facts = new ArrayList<>();
        for (int p = 0; p < 3; p++) {
            facts.add(fact("asthma", "2026-01-10", "p1", "a" + p));
        }
        for (int p = 0; p < 6; p++) {
            facts.add(fact("asthma", "2026-02-10", "p1", "b" + p));
            facts.add(fact("asthma", "2026-03-10", "p1", "c" + p));
        }
        Map<CellRef, Counts> cube = cube(facts, true);
        Set<CellRef> primaryOnly = new HashSet<>();
        cube.forEach((c, n) -> {
            if (n.patients() > 0 && n.patients() < 5) {
                primaryOnly.add(c);
            }
        });
        assertThat(Attack.recoverable(cube, primaryOnly)).isNotEmpty();
        assertThat(Attack.recoverable(cube, Suppression.suppressed(cube, 5))).isEmpty();
    }

    @Test
    void manyProvidersWithAFewPatientsEachLeaveNothingToSolveFor() {
        // a new install's first weeks, or the test suite's shared portal: dozens of providers with one or two
        // patients each, so most cells are small and the hidden cells of different providers share sums
        Random random = new Random(11);
        String[] conditions = {"asthma", "eczema", "sinusitis"};
        String[] outcomes = {"granted", "denied"};
        List<Fact> facts = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            facts.add(new Fact(List.of(outcomes[random.nextInt(2)], conditions[random.nextInt(conditions.length)]),
                    LocalDate.of(2026, 1, 1).plusDays(random.nextInt(300)), "p" + random.nextInt(30), "patient" + random.nextInt(150)));
        }
        Map<CellRef, Counts> cube = cube(facts, true);
        Set<CellRef> hidden = Suppression.suppressed(cube, 5);
        assertThat(Attack.recoverable(cube, hidden)).isEmpty();
        CellRef year = CellRef.of(Bucket.of(Level.YEAR, LocalDate.parse("2026-01-01")), CellRef.ANY, CellRef.ANY);
        assertThat(hidden).as("the hospital's year total is worth showing and gives nothing away").doesNotContain(year);
    }

    private static List<Fact> randomFacts(Random random, int count) {
        String[] states = {"issued", "dispensed"};
        String[] medicines = {"amoxicillin", "lisinopril", "metformin", "insulin"};
        String[] providers = {"p1", "p2", "p3"};
        List<Fact> facts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            LocalDate day = LocalDate.of(2025, 1, 1).plusDays(random.nextInt(365));
            facts.add(new Fact(List.of(states[random.nextInt(states.length)], medicines[random.nextInt(medicines.length)]), day,
                    providers[random.nextInt(providers.length)], "patient" + random.nextInt(count / 2 + 1)));
        }
        return facts;
    }
}

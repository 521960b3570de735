package org.careledger.records.demo;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DemoClinicalDataTest {

    private static final Pattern SSN = Pattern.compile("999-?\\d{2}-?\\d{4}");
    private static final LocalDate SIMULATION_END = LocalDate.of(2026, 11, 24);

    private final List<DemoPatient> patients = DemoClinicalData.load();

    @Test
    void sixLivingAdultsAreSeeded() {
        assertThat(patients).hasSize(6);
        assertThat(patients).extracting(DemoPatient::sourceId).doesNotHaveDuplicates();
        assertThat(patients).allSatisfy(p -> {
            assertThat(Period.between(p.birthDate(), SIMULATION_END).getYears()).isGreaterThanOrEqualTo(18);
            assertThat(p.gender()).isIn("F", "M");
            assertThat(p.city()).isNotBlank();
        });
    }

    @Test
    void namesCarryNoSyntheaDigits() {
        assertThat(patients).allSatisfy(p -> {
            assertThat(p.firstName()).isNotBlank().doesNotContainPattern("\\d");
            assertThat(p.lastName()).isNotBlank().doesNotContainPattern("\\d");
        });
    }

    @Test
    void everyPatientHasConditionsAndMedicationsAndSomeHaveAllergies() {
        assertThat(patients).allSatisfy(p -> {
            assertThat(p.conditions()).isNotEmpty();
            assertThat(p.medications()).isNotEmpty();
        });
        assertThat(patients).filteredOn(p -> !p.allergies().isEmpty()).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void conditionsAndMedicationReasonsAreSnomedCodes() {
        assertThat(isSnomedId("59621000")).as("essential hypertension").isTrue();
        assertThat(isSnomedId("59621001")).as("a wrong check digit").isFalse();
        List<DemoCondition> conditions = patients.stream().flatMap(p -> p.conditions().stream()).toList();
        assertThat(conditions).allSatisfy(c -> {
            assertThat(c.system()).isEqualTo("SNOMED-CT");
            assertThat(isSnomedId(c.code())).as(c.code()).isTrue();
            assertThat(c.display()).doesNotEndWith("(finding)").doesNotEndWith("(situation)");
        });
        List<DemoMedication> withReason = patients.stream().flatMap(p -> p.medications().stream())
                .filter(m -> m.reasonCode() != null).toList();
        assertThat(withReason).isNotEmpty().allSatisfy(m -> {
            assertThat(isSnomedId(m.reasonCode())).as(m.reasonCode()).isTrue();
            assertThat(m.reasonDisplay()).isNotBlank();
            assertThat(m.rxNormCode()).matches("\\d{1,8}");
        });
    }

    @Test
    void repeatedOrdersAreCollapsedIntoEpisodes() {
        assertThat(patients).allSatisfy(p -> assertThat(p.medications())
                .extracting(m -> m.rxNormCode() + "|" + m.reasonCode()).doesNotHaveDuplicates());
        assertThat(patients).allSatisfy(p -> assertThat(p.medications())
                .allSatisfy(m -> assertThat(m.stop() == null || !m.stop().isBefore(m.start())).isTrue()));
    }

    @Test
    void noFieldCarriesAnSsn() {
        Stream<String> fields = patients.stream().flatMap(p -> Stream.of(Stream.of(p.toString(), p.sourceId(),
                        p.firstName(), p.lastName(), p.city()),
                p.conditions().stream().map(DemoCondition::toString),
                p.medications().stream().map(DemoMedication::toString),
                p.allergies().stream().map(DemoAllergy::toString)).flatMap(s -> s));
        assertThat(fields).noneMatch(f -> SSN.matcher(f).find());
    }

    /** A SNOMED CT identifier: 6 to 18 digits, no leading zero, ending in a valid Verhoeff check digit. */
    static boolean isSnomedId(String code) {
        return code.matches("[1-9]\\d{5,17}") && Verhoeff.isValid(code);
    }

    private static final class Verhoeff {
        private static final int[][] D = {{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 2, 3, 4, 0, 6, 7, 8, 9, 5},
            {2, 3, 4, 0, 1, 7, 8, 9, 5, 6}, {3, 4, 0, 1, 2, 8, 9, 5, 6, 7}, {4, 0, 1, 2, 3, 9, 5, 6, 7, 8},
            {5, 9, 8, 7, 6, 0, 4, 3, 2, 1}, {6, 5, 9, 8, 7, 1, 0, 4, 3, 2}, {7, 6, 5, 9, 8, 2, 1, 0, 4, 3},
            {8, 7, 6, 5, 9, 3, 2, 1, 0, 4}, {9, 8, 7, 6, 5, 4, 3, 2, 1, 0}};
        private static final int[][] P = {{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 5, 7, 6, 2, 8, 3, 0, 9, 4},
            {5, 8, 0, 3, 7, 9, 6, 1, 4, 2}, {8, 9, 1, 6, 0, 4, 3, 5, 2, 7}, {9, 4, 5, 3, 1, 2, 6, 8, 7, 0},
            {4, 2, 8, 6, 5, 7, 3, 9, 0, 1}, {2, 7, 9, 3, 8, 0, 6, 4, 1, 5}, {7, 0, 4, 6, 9, 1, 3, 2, 5, 8}};

        static boolean isValid(String digits) {
            int c = 0;
            for (int i = 0; i < digits.length(); i++) {
                c = D[c][P[i % 8][digits.charAt(digits.length() - 1 - i) - '0']];
            }
            return c == 0;
        }
    }
}

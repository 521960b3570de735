package org.careledger.pharmacy.internal;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AllergyConflictsTest {

    private static final String AMOXICILLIN_250 = "308182";
    private static final String AMOXICILLIN_CLAVULANATE = "562508";
    private static final String CEPHALEXIN = "197454";
    private static final String IBUPROFEN_200 = "310965";
    private static final String LISINOPRIL_10 = "314076";
    private static final String ENALAPRIL_10 = "858817";
    private static final String SULFAMETHOXAZOLE_TRIMETHOPRIM = "198335";
    private static final String ACETAMINOPHEN_500 = "198440";
    private static final String HYDROCODONE_ACETAMINOPHEN = "856987";
    private static final String MORPHINE = "1732136";

    private static final AllergyEntry PENICILLIN_V = new AllergyEntry("7984", "Penicillin V");
    private static final AllergyEntry CEFDINIR = new AllergyEntry("25037", "cefdinir");
    private static final AllergyEntry ASPIRIN = new AllergyEntry("1191", "Aspirin");
    private static final AllergyEntry LISINOPRIL = new AllergyEntry("29046", "Lisinopril");
    private static final AllergyEntry SULFAMETHOXAZOLE = new AllergyEntry("10831", "Sulfamethoxazole / Trimethoprim");

    private static final AllergyConflicts ALLERGIES = AllergyConflicts.bundled();

    @Test
    void anAmoxicillinProductConflictsWithAPenicillinAllergyAndSaysWhy() {
        List<AllergyConflict> conflicts = ALLERGIES.check(AMOXICILLIN_250, List.of(PENICILLIN_V));

        assertThat(conflicts).singleElement().satisfies(conflict -> {
            assertThat(conflict.kind()).isEqualTo(AllergyConflict.Kind.SAME_CLASS);
            assertThat(conflict.drugClass().name()).isEqualTo("penicillins");
            assertThat(conflict.reason()).isEqualTo("Amoxicillin 250 MG Oral Capsule contains amoxicillin, a penicillin;"
                    + " the record holds an allergy to Penicillin V");
            assertThat(conflict.withoutTheAllergy()).isEqualTo("Amoxicillin 250 MG Oral Capsule conflicts with a recorded allergy")
                    .doesNotContain("Penicillin");
        });
        assertThat(ALLERGIES.check(AMOXICILLIN_CLAVULANATE, List.of(PENICILLIN_V))).singleElement()
                .extracting(conflict -> conflict.ingredient().name()).isEqualTo("amoxicillin");
    }

    @Test
    void aFreeTextPenicillinAllergyWithASnomedCodeCoversEveryPenicillin() {
        AllergyEntry snomed = new AllergyEntry("91936005", "Allergy to penicillin (finding)");

        assertThat(ALLERGIES.check(AMOXICILLIN_250, List.of(snomed))).singleElement()
                .extracting(AllergyConflict::reason).asString().endsWith("the record holds an allergy to penicillin");
        assertThat(ALLERGIES.check("1659149", List.of(new AllergyEntry("", "PENICILLINS")))).hasSize(1);
    }

    @Test
    void cephalexinConflictsWithACephalosporinAllergy() {
        assertThat(ALLERGIES.check(CEPHALEXIN, List.of(CEFDINIR))).singleElement()
                .satisfies(conflict -> assertThat(conflict.reason()).isEqualTo(
                        "cephalexin 500 MG Oral Tablet contains cephalexin, a cephalosporin; the record holds an allergy to cefdinir"));
        assertThat(ALLERGIES.check(CEPHALEXIN, List.of(new AllergyEntry("", "Cephalosporin allergy")))).hasSize(1);
    }

    @Test
    void ibuprofenConflictsWithAnAspirinOrNsaidAllergy() {
        assertThat(ALLERGIES.check(IBUPROFEN_200, List.of(ASPIRIN))).singleElement()
                .extracting(AllergyConflict::reason).asString().contains("contains ibuprofen, an NSAID");
        assertThat(ALLERGIES.check(IBUPROFEN_200, List.of(new AllergyEntry("", "Allergy to non-steroidal anti-inflammatory drugs"))))
                .hasSize(1);
        assertThat(ALLERGIES.check(IBUPROFEN_200, List.of(new AllergyEntry("5640", "Ibuprofen")))).singleElement()
                .extracting(AllergyConflict::kind).isEqualTo(AllergyConflict.Kind.SAME_INGREDIENT);
    }

    @Test
    void lisinoprilAndEnalaprilConflictWithAnAceInhibitorAllergy() {
        assertThat(ALLERGIES.check(LISINOPRIL_10, List.of(LISINOPRIL))).singleElement()
                .extracting(AllergyConflict::kind).isEqualTo(AllergyConflict.Kind.SAME_INGREDIENT);
        assertThat(ALLERGIES.check(ENALAPRIL_10, List.of(LISINOPRIL))).singleElement()
                .extracting(AllergyConflict::reason).asString().contains("contains enalapril, an ACE inhibitor");
        assertThat(ALLERGIES.check(LISINOPRIL_10, List.of(new AllergyEntry("", "ACE-inhibitor cough")))).hasSize(1);
    }

    @Test
    void sulfamethoxazoleTrimethoprimConflictsWithASulfonamideAllergy() {
        assertThat(ALLERGIES.check(SULFAMETHOXAZOLE_TRIMETHOPRIM, List.of(SULFAMETHOXAZOLE))).singleElement()
                .extracting(AllergyConflict::kind).isEqualTo(AllergyConflict.Kind.SAME_INGREDIENT);
        assertThat(ALLERGIES.check(SULFAMETHOXAZOLE_TRIMETHOPRIM, List.of(new AllergyEntry("", "Sulfa allergy")))).singleElement()
                .extracting(AllergyConflict::reason).asString().contains("contains sulfamethoxazole, a sulfonamide");
    }

    @Test
    void anOpioidConflictsWithAnotherOpioidsAllergy() {
        assertThat(ALLERGIES.check(HYDROCODONE_ACETAMINOPHEN, List.of(new AllergyEntry("", "Morphine")))).singleElement()
                .extracting(AllergyConflict::reason).asString().contains("contains hydrocodone, an opioid");
    }

    @Test
    void anAllergyToTheMedicineItselfIsTheMostSpecificConflict() {
        assertThat(ALLERGIES.check(AMOXICILLIN_250, List.of(new AllergyEntry(AMOXICILLIN_250, "Amoxicillin 250 MG Oral Capsule"))))
                .singleElement().extracting(AllergyConflict::kind).isEqualTo(AllergyConflict.Kind.SAME_MEDICINE);
        assertThat(ALLERGIES.check("308192", List.of(new AllergyEntry(AMOXICILLIN_250, "")))).singleElement()
                .extracting(AllergyConflict::kind).isEqualTo(AllergyConflict.Kind.SAME_INGREDIENT);
    }

    @Test
    void unrelatedDrugsAndAllergiesDoNotConflict() {
        List<AllergyEntry> record = List.of(PENICILLIN_V, CEFDINIR, LISINOPRIL, SULFAMETHOXAZOLE,
                new AllergyEntry("419199007", "Allergy to substance (finding)"), new AllergyEntry("111088007", "Latex (substance)"),
                new AllergyEntry("762952008", "Peanut (substance)"));

        assertThat(ALLERGIES.check(ACETAMINOPHEN_500, record)).isEmpty();
        assertThat(ALLERGIES.check(MORPHINE, record)).isEmpty();
        assertThat(ALLERGIES.check(ACETAMINOPHEN_500, List.of(ASPIRIN))).as("acetaminophen is no NSAID").isEmpty();
        assertThat(ALLERGIES.check(CEPHALEXIN, List.of(PENICILLIN_V))).as("penicillins and cephalosporins are apart").isEmpty();
        assertThat(ALLERGIES.check("310798", List.of(SULFAMETHOXAZOLE))).as("a thiazide is no sulfonamide antibiotic").isEmpty();
        assertThat(ALLERGIES.check(AMOXICILLIN_250, List.of())).isEmpty();
    }

    @Test
    void theCodeDecidesBeforeTheName() {
        assertThat(ALLERGIES.check(AMOXICILLIN_250, List.of(new AllergyEntry("1191", "penicillin, so the nurse wrote")))).isEmpty();
    }

    @Test
    void eachConflictingAllergyIsReportedOnceInTheRecordsOrder() {
        List<AllergyConflict> conflicts = ALLERGIES.check(AMOXICILLIN_250, List.of(
                new AllergyEntry("", "Allergy to penicillin"), ASPIRIN, PENICILLIN_V));

        assertThat(conflicts).extracting(AllergyConflict::allergy).containsExactly(new AllergyEntry("", "Allergy to penicillin"), PENICILLIN_V);
    }

    @Test
    void aMedicineOutsideTheCatalogueIsRefused() {
        assertThatThrownBy(() -> ALLERGIES.check("7984", List.of(PENICILLIN_V))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not in the medicine catalogue");
        assertThatThrownBy(() -> ALLERGIES.check("amoxicillin", List.of(PENICILLIN_V))).isInstanceOf(IllegalArgumentException.class);
    }
}

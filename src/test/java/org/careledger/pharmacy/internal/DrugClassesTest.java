package org.careledger.pharmacy.internal;

import org.careledger.pharmacy.RxNormCode;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DrugClassesTest {

    /** Every medication allergy code in Synthea's allergies.csv of synthea-ma-1000 (CATEGORY medication). */
    private static final Set<String> SYNTHEA_MEDICATION_ALLERGY_CODES = Set.of("10831", "1191", "25037", "29046", "5640", "7984");

    private static final DrugClasses CLASSES = DrugClasses.bundled();

    @Test
    void everyMedicationAllergyCodeOfSyntheaMapsToAnIngredientInAClass() throws IOException {
        Set<String> codes = new TreeSet<>(SYNTHEA_MEDICATION_ALLERGY_CODES);
        codes.addAll(medicationAllergyCodesOfTheRecordsDemo());

        assertThat(CLASSES.allergyCodes()).containsExactlyInAnyOrderElementsOf(SYNTHEA_MEDICATION_ALLERGY_CODES);
        assertThat(codes).allSatisfy(code -> assertThat(CLASSES.ingredientsOfAllergyCode(code)).as(code)
                .isNotEmpty().anySatisfy(ingredient -> assertThat(CLASSES.classesOf(ingredient)).isNotEmpty()));
        assertThat(CLASSES.ingredientsOfAllergyCode("10831")).extracting(Ingredient::name)
                .containsExactly("sulfamethoxazole", "trimethoprim");
    }

    @Test
    void everyMappedMedicineIsInTheCatalogueAndNamesItsIngredients() {
        Map<RxNormCode, Medicine> catalogue = MedicineCatalogueSource.bundled().stream()
                .collect(Collectors.toMap(Medicine::code, Function.identity()));

        assertThat(catalogue.keySet()).containsAll(CLASSES.mappedMedicines());
        assertThat(CLASSES.mappedMedicines()).hasSizeGreaterThan(200).allSatisfy(code -> assertThat(CLASSES.ingredientsOf(code))
                .isNotEmpty().allSatisfy(ingredient -> assertThat(Words.mention(catalogue.get(code).name(), ingredient.name()))
                        .as(catalogue.get(code).name() + " names " + ingredient.name()).isTrue()));
    }

    @Test
    void theClassesAnAllergyCheckNeedsHoldTheirMembers() {
        assertMembers("penicillins", "amoxicillin", "ampicillin", "penicillin V", "penicillin G", "piperacillin");
        assertMembers("cephalosporins", "cefuroxime", "cephalexin", "cefaclor", "ceftriaxone", "cefdinir", "cefazolin");
        assertMembers("NSAIDs", "ibuprofen", "naproxen", "aspirin", "diclofenac", "ketorolac", "meloxicam", "celecoxib");
        assertMembers("sulfonamides", "sulfamethoxazole");
        assertMembers("ACE inhibitors", "lisinopril", "enalapril", "ramipril", "captopril", "benazepril");
        assertMembers("opioids", "morphine", "oxycodone", "fentanyl", "hydrocodone", "codeine", "tramadol");
        assertThat(CLASSES.drugClass("NSAIDs").map(CLASSES::membersOf).orElseThrow()).extracting(Ingredient::name)
                .doesNotContain("acetaminophen");
    }

    @Test
    void aClassIsFoundInFreeTextAsWholeWordsOnly() {
        assertThat(CLASSES.classesNamedIn("Allergy to penicillin (finding)")).extracting(DrugClass::name).containsExactly("penicillins");
        assertThat(CLASSES.classesNamedIn("sulfamethoxazole")).isEmpty();
        assertThat(CLASSES.ingredientsNamedIn("Penicillin V Potassium")).extracting(Ingredient::name).containsExactly("penicillin V");
    }

    @Test
    void aTableRowNamingAnUnknownClassOrIngredientIsRefusedWithItsLine() {
        String names = "CLASS,MEMBER,TERMS\npenicillins,a penicillin,penicillin\n";
        String ingredients = "INGREDIENT_RXNORM,INGREDIENT,CLASS,SOURCE\n723,amoxicillin,penicillins,ohdsi\n";
        String medicines = "RXNORM,INGREDIENT_RXNORM,INGREDIENT\n308182,723,amoxicillin\n";
        String allergies = "ALLERGY_CODE,DESCRIPTION,INGREDIENT_RXNORM,INGREDIENT\n723,Amoxicillin,723,amoxicillin\n";

        assertThat(read(names, ingredients, medicines, allergies).ingredientsOf(RxNormCode.of("308182"))).hasSize(1);
        assertRefused(() -> read(names, ingredients + "2231,cephalexin,cephalosporins,unverified\n", medicines, allergies),
                "drug-classes.csv line 3", "class \"cephalosporins\"");
        assertRefused(() -> read(names, ingredients, medicines + "# reviewed\n197454,2231,cephalexin\n", allergies),
                "medicine-ingredients.csv line 4", "cephalexin");
        assertRefused(() -> read(names, ingredients, medicines + "308182,723,amoxycillin\n", allergies),
                "medicine-ingredients.csv line 3", "by that code and name");
        assertRefused(() -> read(names, ingredients + "723,amoxycillin,,ohdsi\n", medicines, allergies),
                "drug-classes.csv line 3", "amoxicillin");
        assertRefused(() -> read(names, ingredients + "733,ampicillin,penicillins,memory\n", medicines, allergies),
                "drug-classes.csv line 3", "source");
        assertRefused(() -> read(names, ingredients, medicines, allergies + ",Something,723,amoxicillin\n"),
                "allergy-codes.csv line 3", "blank");
    }

    private void assertMembers(String className, String... members) {
        assertThat(CLASSES.drugClass(className)).as(className).isPresent();
        assertThat(CLASSES.membersOf(CLASSES.drugClass(className).orElseThrow())).extracting(Ingredient::name).contains(members);
    }

    private static DrugClasses read(String names, String ingredients, String medicines, String allergies) {
        return DrugClasses.read(new StringReader(names), new StringReader(ingredients), new StringReader(medicines),
                new StringReader(allergies));
    }

    private static void assertRefused(Runnable read, String where, String problem) {
        assertThatThrownBy(read::run).isInstanceOf(CatalogueFormatException.class).hasMessageStartingWith(where)
                .hasMessageContaining(problem);
    }

    /** The records module's demo patients' medication allergy codes (Synthea's too), read as a plain resource. */
    private static Set<String> medicationAllergyCodesOfTheRecordsDemo() throws IOException {
        try (InputStream in = DrugClassesTest.class.getResourceAsStream("/org/careledger/records/demo/allergies.csv")) {
            List<String[]> rows = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1)
                    .map(line -> line.split(",", -1)).toList();
            return rows.stream().filter(row -> row[5].equals("medication")).map(row -> row[3]).collect(Collectors.toSet());
        }
    }
}

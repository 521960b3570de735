package org.careledger.pharmacy.internal;

import org.careledger.pharmacy.RxNormCode;
import java.io.Reader;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The reviewed medicine → ingredient → class tables bundled beside this class (see each file's
 * header for its sources and decisions): which ingredients each catalogue medicine contains
 * ({@code medicine-ingredients.csv}), which classes each ingredient belongs to
 * ({@code drug-classes.csv}), how each class is named ({@code drug-class-names.csv}), and which
 * ingredients Synthea's medication allergy codes stand for ({@code allergy-codes.csv}). Synthea's
 * allergies are coded as ingredients and its medications as clinical drugs, so they never match by
 * code alone: this table is what joins them.
 */
public final class DrugClasses {

    static final String CLASS_NAMES = "drug-class-names.csv";
    static final String CLASSES = "drug-classes.csv";
    static final String MEDICINE_INGREDIENTS = "medicine-ingredients.csv";
    static final String ALLERGY_CODES = "allergy-codes.csv";

    private final Map<RxNormCode, Ingredient> ingredients;
    private final Map<RxNormCode, List<DrugClass>> classesOfIngredient;
    private final Map<String, DrugClass> classes;
    private final Map<RxNormCode, List<Ingredient>> ingredientsOfMedicine;
    private final Map<String, List<Ingredient>> ingredientsOfAllergyCode;
    private final Map<Ingredient, String> ingredientWords = new LinkedHashMap<>();
    private final Map<DrugClass, List<String>> classWords = new LinkedHashMap<>();

    private DrugClasses(DrugClassTables tables) {
        this.ingredients = Collections.unmodifiableMap(new TreeMap<>(tables.ingredients));
        this.classesOfIngredient = frozen(new TreeMap<>(), tables.classesOfIngredient);
        this.classes = Collections.unmodifiableMap(new TreeMap<>(tables.classes));
        this.ingredientsOfMedicine = frozen(new TreeMap<>(), tables.ingredientsOfMedicine);
        this.ingredientsOfAllergyCode = frozen(new LinkedHashMap<>(), tables.ingredientsOfAllergyCode);
        ingredients.values().forEach(ingredient -> ingredientWords.put(ingredient, Words.of(ingredient.name())));
        classes.values().forEach(drugClass -> classWords.put(drugClass, Stream.concat(Stream.of(drugClass.name()),
                drugClass.terms().stream()).map(Words::of).toList()));
    }

    /**
     * The bundled tables.
     *
     * @throws CatalogueFormatException if a row is malformed or names an ingredient or class the other tables lack
     */
    public static DrugClasses bundled() {
        DrugClassTables tables = new DrugClassTables();
        ReferenceCsv.bundled(CLASS_NAMES, tables::readClassNames);
        ReferenceCsv.bundled(CLASSES, tables::readClasses);
        ReferenceCsv.bundled(MEDICINE_INGREDIENTS, tables::readMedicineIngredients);
        ReferenceCsv.bundled(ALLERGY_CODES, tables::readAllergyCodes);
        return new DrugClasses(tables);
    }

    /** Tables read from the given readers, in the bundled files' form; the names are used in refusals. */
    static DrugClasses read(Reader classNames, Reader classes, Reader medicineIngredients, Reader allergyCodes) {
        DrugClassTables tables = new DrugClassTables();
        tables.readClassNames(classNames, CLASS_NAMES);
        tables.readClasses(classes, CLASSES);
        tables.readMedicineIngredients(medicineIngredients, MEDICINE_INGREDIENTS);
        tables.readAllergyCodes(allergyCodes, ALLERGY_CODES);
        return new DrugClasses(tables);
    }

    private static <K, V> Map<K, List<V>> frozen(Map<K, List<V>> into, Map<K, List<V>> lists) {
        lists.forEach((key, list) -> into.put(key, List.copyOf(list)));
        return Collections.unmodifiableMap(into);
    }

    /** The ingredients of a catalogue medicine; empty for a medicine the table does not map. */
    public List<Ingredient> ingredientsOf(RxNormCode medicine) {
        return ingredientsOfMedicine.getOrDefault(medicine, List.of());
    }

    /** The classes {@code ingredient} belongs to; empty for one in no class. */
    public List<DrugClass> classesOf(Ingredient ingredient) {
        return classesOfIngredient.getOrDefault(ingredient.code(), List.of());
    }

    /** The ingredients of {@code drugClass}, in code order. */
    public List<Ingredient> membersOf(DrugClass drugClass) {
        return ingredients.values().stream().filter(i -> classesOf(i).contains(drugClass)).toList();
    }

    /** The ingredient with this code, if the tables know it. */
    public Optional<Ingredient> ingredient(RxNormCode code) {
        return Optional.ofNullable(ingredients.get(code));
    }

    /** The class of this name ("penicillins"), if there is one. */
    public Optional<DrugClass> drugClass(String name) {
        return Optional.ofNullable(classes.get(name));
    }

    /** Every class, by name. */
    public Collection<DrugClass> classes() {
        return classes.values();
    }

    /** The medicines whose ingredients the table gives, in code order. */
    public Set<RxNormCode> mappedMedicines() {
        return ingredientsOfMedicine.keySet();
    }

    /** The allergy codes (Synthea's medication allergies) the table maps to ingredients. */
    public Set<String> allergyCodes() {
        return ingredientsOfAllergyCode.keySet();
    }

    /**
     * The ingredients an allergy code stands for: the allergy table's own mapping (10831 is
     * sulfamethoxazole and trimethoprim), else the ingredient of that code; empty for a code the
     * tables do not know (a clinical drug, a SNOMED CT code).
     */
    public List<Ingredient> ingredientsOfAllergyCode(String code) {
        List<Ingredient> mapped = ingredientsOfAllergyCode.get(code);
        if (mapped != null) {
            return mapped;
        }
        return RxNormCode.tryParse(code).flatMap(this::ingredient).map(List::of).orElse(List.of());
    }

    /** The ingredients whose names {@code text} mentions as whole words, in code order. */
    public List<Ingredient> ingredientsNamedIn(String text) {
        String words = Words.of(text);
        return ingredients.values().stream().filter(i -> Words.contain(words, ingredientWords.get(i))).toList();
    }

    /** The classes {@code text} names, by name or term, as whole words. */
    public List<DrugClass> classesNamedIn(String text) {
        String words = Words.of(text);
        return classes.values().stream().filter(c -> classWords.get(c).stream().anyMatch(term -> Words.contain(words, term))).toList();
    }
}

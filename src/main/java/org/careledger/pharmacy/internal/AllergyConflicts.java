package org.careledger.pharmacy.internal;

import org.careledger.pharmacy.RxNormCode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The allergy check a prescription is put through before it is signed: does the medicine conflict
 * with an allergy the patient's record holds? An allergy is read by its code first (an ingredient,
 * one of Synthea's medication allergy codes, or a catalogue medicine), and only when the code says
 * nothing the tables know, by its name: a medicine named exactly, the ingredients it names, and the
 * classes it names ("Allergy to penicillin" is an allergy to every penicillin), all as whole words,
 * case-insensitive. The medicine then conflicts when it is the allergy's medicine, shares an
 * ingredient with it, or has an ingredient in a class of the allergy's ingredients or named by it.
 * One conflict per allergy entry, the most specific.
 */
public final class AllergyConflicts {

    private final Map<RxNormCode, Medicine> catalogue = new TreeMap<>();
    private final Map<String, Medicine> byWordsOfName = new HashMap<>();
    private final DrugClasses classes;

    /** @throws IllegalStateException if the tables map a medicine the catalogue does not hold */
    public AllergyConflicts(Collection<Medicine> catalogue, DrugClasses classes) {
        catalogue.forEach(medicine -> this.catalogue.put(medicine.code(), medicine));
        this.catalogue.values().forEach(medicine -> byWordsOfName.putIfAbsent(Words.of(medicine.name()), medicine));
        this.classes = classes;
        Set<RxNormCode> unknown = new TreeSet<>(classes.mappedMedicines());
        unknown.removeAll(this.catalogue.keySet());
        if (!unknown.isEmpty()) {
            throw new IllegalStateException("The ingredient table maps medicines the catalogue does not hold: " + unknown);
        }
    }

    /** The check over the bundled catalogue and tables. */
    public static AllergyConflicts bundled() {
        return new AllergyConflicts(MedicineCatalogueSource.bundled(), DrugClasses.bundled());
    }

    /**
     * The recorded allergies that {@code medicineRxNorm} conflicts with, each with its reason, in
     * the order of {@code recordedAllergies}; empty when there is none.
     *
     * @throws IllegalArgumentException if the code is not an RxNorm code of the catalogue
     */
    public List<AllergyConflict> check(String medicineRxNorm, Collection<AllergyEntry> recordedAllergies) {
        Medicine medicine = medicine(medicineRxNorm);
        List<AllergyConflict> conflicts = new ArrayList<>();
        for (AllergyEntry allergy : recordedAllergies) {
            conflict(medicine, allergy, allergenOf(allergy)).ifPresent(conflicts::add);
        }
        return List.copyOf(conflicts);
    }

    private Medicine medicine(String code) {
        Medicine medicine = catalogue.get(RxNormCode.of(code));
        if (medicine == null) {
            throw new IllegalArgumentException("RxNorm " + code + " is not in the medicine catalogue");
        }
        return medicine;
    }

    private Optional<AllergyConflict> conflict(Medicine medicine, AllergyEntry allergy, Allergen allergen) {
        if (medicine.code().equals(allergen.medicine())) {
            return Optional.of(new AllergyConflict(AllergyConflict.Kind.SAME_MEDICINE, medicine, null, null, allergy));
        }
        List<Ingredient> ingredients = classes.ingredientsOf(medicine.code());
        for (Ingredient ingredient : ingredients) {
            if (allergen.ingredients().contains(ingredient)) {
                return Optional.of(new AllergyConflict(AllergyConflict.Kind.SAME_INGREDIENT, medicine, ingredient, null, allergy));
            }
        }
        for (Ingredient ingredient : ingredients) {
            for (DrugClass drugClass : classes.classesOf(ingredient)) {
                if (allergen.classes().contains(drugClass)) {
                    return Optional.of(new AllergyConflict(AllergyConflict.Kind.SAME_CLASS, medicine, ingredient, drugClass, allergy));
                }
            }
        }
        return Optional.empty();
    }

    /** What the allergy is to: by its code, else by its name. */
    private Allergen allergenOf(AllergyEntry allergy) {
        Allergen byCode = byCode(allergy.code());
        return byCode.isEmpty() ? byName(allergy.name()) : byCode;
    }

    private Allergen byCode(String code) {
        List<Ingredient> ingredients = code.isEmpty() ? List.of() : classes.ingredientsOfAllergyCode(code);
        if (!ingredients.isEmpty()) {
            return allergen(null, ingredients, List.of());
        }
        return RxNormCode.tryParse(code).map(catalogue::get)
                .map(medicine -> allergen(medicine.code(), classes.ingredientsOf(medicine.code()), List.of()))
                .orElse(allergen(null, List.of(), List.of()));
    }

    private Allergen byName(String name) {
        if (name.isEmpty()) {
            return allergen(null, List.of(), List.of());
        }
        Optional<Medicine> named = Optional.ofNullable(byWordsOfName.get(Words.of(name)));
        List<Ingredient> ingredients = new ArrayList<>(classes.ingredientsNamedIn(name));
        named.ifPresent(medicine -> ingredients.addAll(classes.ingredientsOf(medicine.code())));
        return allergen(named.map(Medicine::code).orElse(null), ingredients, classes.classesNamedIn(name));
    }

    /** An allergen's classes are those it names and those of its ingredients. */
    private Allergen allergen(RxNormCode medicine, Collection<Ingredient> ingredients, Collection<DrugClass> named) {
        Set<DrugClass> all = new LinkedHashSet<>(named);
        ingredients.forEach(ingredient -> all.addAll(classes.classesOf(ingredient)));
        return new Allergen(medicine, Set.copyOf(ingredients), Set.copyOf(all));
    }

    /** What an allergy entry is an allergy to, as far as the tables tell: a medicine (or null), ingredients, classes. */
    private record Allergen(RxNormCode medicine, Set<Ingredient> ingredients, Set<DrugClass> classes) {

        boolean isEmpty() {
            return medicine == null && ingredients.isEmpty() && classes.isEmpty();
        }
    }
}

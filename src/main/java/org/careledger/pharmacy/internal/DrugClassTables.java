package org.careledger.pharmacy.internal;

import org.careledger.pharmacy.RxNormCode;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the four drug-class tables in order (class names, ingredients and their classes, medicine
 * ingredients, allergy codes), each checked against the ones before it: a row naming a class or an
 * ingredient (by code and name) that an earlier table lacks is refused with its line.
 */
final class DrugClassTables {

    final Map<RxNormCode, Ingredient> ingredients = new TreeMap<>();
    final Map<RxNormCode, List<DrugClass>> classesOfIngredient = new TreeMap<>();
    final Map<String, DrugClass> classes = new TreeMap<>();
    final Map<RxNormCode, List<Ingredient>> ingredientsOfMedicine = new TreeMap<>();
    final Map<String, List<Ingredient>> ingredientsOfAllergyCode = new LinkedHashMap<>();

    DrugClassTables readClassNames(Reader in, String source) {
        for (ReferenceCsv.Row row : ReferenceCsv.read(in, source, List.of("CLASS", "MEMBER", "TERMS"))) {
            DrugClass drugClass = row.parse(r -> new DrugClass(r.get(0), r.get(1), List.of(r.get(2).split(";", -1))));
            if (classes.putIfAbsent(drugClass.name(), drugClass) != null) {
                throw row.refuse("class " + drugClass.name() + " is listed twice");
            }
        }
        return this;
    }

    DrugClassTables readClasses(Reader in, String source) {
        for (ReferenceCsv.Row row : ReferenceCsv.read(in, source, List.of("INGREDIENT_RXNORM", "INGREDIENT", "CLASS", "SOURCE"))) {
            Ingredient ingredient = row.parse(r -> new Ingredient(RxNormCode.of(r.get(0)), r.get(1)));
            Ingredient known = ingredients.putIfAbsent(ingredient.code(), ingredient);
            if (known != null && !known.equals(ingredient)) {
                throw row.refuse("RxNorm " + ingredient.code() + " is " + known.name() + " on an earlier line, not " + ingredient.name());
            }
            if (!List.of("synthea", "cpic", "ohdsi", "cdc-mme", "unverified").contains(row.get(3))) {
                throw row.refuse("the source must be synthea, cpic, ohdsi, cdc-mme or unverified, not \"" + row.get(3) + "\"");
            }
            if (!row.get(2).isEmpty()) {
                DrugClass drugClass = classes.get(row.get(2));
                if (drugClass == null) {
                    throw row.refuse("class \"" + row.get(2) + "\" is not in " + DrugClasses.CLASS_NAMES);
                }
                classesOfIngredient.computeIfAbsent(ingredient.code(), c -> new ArrayList<>()).add(drugClass);
            }
        }
        return this;
    }

    DrugClassTables readMedicineIngredients(Reader in, String source) {
        for (ReferenceCsv.Row row : ReferenceCsv.read(in, source, List.of("RXNORM", "INGREDIENT_RXNORM", "INGREDIENT"))) {
            RxNormCode medicine = row.parse(r -> RxNormCode.of(r.get(0)));
            Ingredient ingredient = known(row, 1);
            List<Ingredient> list = ingredientsOfMedicine.computeIfAbsent(medicine, c -> new ArrayList<>());
            if (list.contains(ingredient)) {
                throw row.refuse("medicine " + medicine + " lists " + ingredient.name() + " twice");
            }
            list.add(ingredient);
        }
        return this;
    }

    DrugClassTables readAllergyCodes(Reader in, String source) {
        for (ReferenceCsv.Row row : ReferenceCsv.read(in, source, List.of("ALLERGY_CODE", "DESCRIPTION", "INGREDIENT_RXNORM", "INGREDIENT"))) {
            if (row.get(0).isBlank()) {
                throw row.refuse("the allergy code must not be blank");
            }
            ingredientsOfAllergyCode.computeIfAbsent(row.get(0), c -> new ArrayList<>()).add(known(row, 2));
        }
        return this;
    }

    /** The ingredient whose code and name are in the row at {@code index}, as drug-classes.csv has it. */
    private Ingredient known(ReferenceCsv.Row row, int index) {
        Ingredient ingredient = row.parse(r -> new Ingredient(RxNormCode.of(r.get(index)), r.get(index + 1)));
        if (!ingredient.equals(ingredients.get(ingredient.code()))) {
            throw row.refuse("ingredient " + ingredient + " is not in " + DrugClasses.CLASSES + " by that code and name");
        }
        return ingredient;
    }
}

package org.careledger.pharmacy.internal;

import java.util.Objects;

/**
 * A medicine about to be prescribed conflicts with an allergy the record holds, and why: it is the
 * very medicine of the allergy, contains an ingredient of it, or contains a member of a class the
 * allergy extends to. {@link #reason()} says so in a sentence that names the allergy;
 * {@link #withoutTheAllergy()} says only that there is one, for a prescriber whose grant does not
 * cover the patient's allergies.
 *
 * @param ingredient the medicine's ingredient the conflict is through; null for {@link Kind#SAME_MEDICINE}
 * @param drugClass the class shared with the allergy; null unless {@link Kind#SAME_CLASS}
 */
public record AllergyConflict(Kind kind, Medicine medicine, Ingredient ingredient, DrugClass drugClass,
                              AllergyEntry allergy) {

    /** How the medicine meets the allergy, the most specific first. */
    public enum Kind { SAME_MEDICINE, SAME_INGREDIENT, SAME_CLASS }

    /** @throws IllegalArgumentException if the ingredient or class does not fit the kind */
    public AllergyConflict {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(medicine, "medicine");
        Objects.requireNonNull(allergy, "allergy");
        if ((kind == Kind.SAME_MEDICINE) != (ingredient == null) || (kind == Kind.SAME_CLASS) != (drugClass != null)) {
            throw new IllegalArgumentException("a " + kind + " conflict takes " + switch (kind) {
                case SAME_MEDICINE -> "neither an ingredient nor a class";
                case SAME_INGREDIENT -> "an ingredient and no class";
                case SAME_CLASS -> "an ingredient and a class";
            });
        }
    }

    /**
     * The conflict in a sentence: "Amoxicillin 250 MG Oral Capsule contains amoxicillin, a
     * penicillin; the record holds an allergy to Penicillin V".
     */
    public String reason() {
        String held = "the record holds an allergy to " + allergy.substance();
        return switch (kind) {
            case SAME_MEDICINE -> medicine.name() + ": the record holds an allergy to this very medicine (" + allergy.substance() + ")";
            case SAME_INGREDIENT -> medicine.name() + " contains " + ingredient.name() + "; " + held;
            case SAME_CLASS -> medicine.name() + " contains " + ingredient.name() + ", " + drugClass.member() + "; " + held;
        };
    }

    /** The conflict without the allergy: "Amoxicillin 250 MG Oral Capsule conflicts with a recorded allergy". */
    public String withoutTheAllergy() {
        return medicine.name() + " conflicts with a recorded allergy";
    }

    @Override
    public String toString() {
        return kind + ": " + reason();
    }
}

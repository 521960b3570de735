package org.careledger.pharmacy.internal;

import org.careledger.pharmacy.RxNormCode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The duplicate-therapy check a prescription is put through before it is signed: is the patient
 * already on the same medicine, or on another medicine with one of its ingredients (lisinopril
 * 10 MG while lisinopril 20 MG is active; an acetaminophen tablet beside acetaminophen with
 * hydrocodone)? Members of one class that share no ingredient are not duplicates here.
 */
public final class DuplicateTherapy {

    /** How the new medicine duplicates an active one. */
    public enum Kind { SAME_MEDICINE, SAME_INGREDIENT }

    /**
     * An active prescription's medicine that the new one duplicates, and why.
     *
     * @param ingredient the shared ingredient; null for {@link Kind#SAME_MEDICINE}
     */
    public record Duplicate(Kind kind, RxNormCode active, String activeName, Ingredient ingredient, String reason) {

        public Duplicate {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(active, "active");
            Objects.requireNonNull(reason, "reason");
        }
    }

    private final Map<RxNormCode, Medicine> catalogue = new TreeMap<>();
    private final DrugClasses classes;

    public DuplicateTherapy(Collection<Medicine> catalogue, DrugClasses classes) {
        catalogue.forEach(medicine -> this.catalogue.put(medicine.code(), medicine));
        this.classes = classes;
    }

    /** The check over the bundled catalogue and tables. */
    public static DuplicateTherapy bundled() {
        return new DuplicateTherapy(MedicineCatalogueSource.bundled(), DrugClasses.bundled());
    }

    /**
     * The active medicines that {@code newCode} duplicates, once each, in the order given.
     *
     * @param activeCodes the RxNorm codes of the patient's active prescriptions
     * @throws IllegalArgumentException if a code is not an RxNorm code, or the new one is not in the catalogue
     */
    public List<Duplicate> check(String newCode, Collection<String> activeCodes) {
        RxNormCode code = RxNormCode.of(newCode);
        Medicine medicine = catalogue.get(code);
        if (medicine == null) {
            throw new IllegalArgumentException("RxNorm " + newCode + " is not in the medicine catalogue");
        }
        List<Duplicate> duplicates = new ArrayList<>();
        for (String text : new LinkedHashSet<>(activeCodes)) {
            RxNormCode active = RxNormCode.of(text);
            String activeName = catalogue.containsKey(active) ? catalogue.get(active).name() : "RxNorm " + active;
            if (active.equals(code)) {
                duplicates.add(new Duplicate(Kind.SAME_MEDICINE, active, activeName, null,
                        "an active prescription is already for " + medicine.name()));
                continue;
            }
            classes.ingredientsOf(code).stream().filter(classes.ingredientsOf(active)::contains).findFirst()
                    .ifPresent(shared -> duplicates.add(new Duplicate(Kind.SAME_INGREDIENT, active, activeName, shared,
                            medicine.name() + " and the active " + activeName + " both contain " + shared.name())));
        }
        return List.copyOf(duplicates);
    }
}

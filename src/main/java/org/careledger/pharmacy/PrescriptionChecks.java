package org.careledger.pharmacy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.careledger.contracts.AccessRule;
import org.careledger.contracts.ContractState;
import org.careledger.contracts.RecordCategory;
import org.careledger.crypto.Address;
import org.careledger.pharmacy.internal.AllergyConflict;
import org.careledger.pharmacy.internal.AllergyConflicts;
import org.careledger.pharmacy.internal.AllergyEntry;
import org.careledger.pharmacy.internal.DuplicateTherapy;
import org.careledger.records.PrescriptionEntries;
import org.springframework.stereotype.Component;

/**
 * The two checks a prescription goes through before it is signed: the patient's recorded allergies
 * (by medicine, ingredient and drug class, from the reviewed tables in {@code internal}) and the
 * patient's active prescriptions (same medicine or same ingredient). The allergy check runs whether
 * or not the doctor's access covers ALLERGY; a doctor whose access does not is told only that the
 * medicine "conflicts with a recorded allergy", never which. The tables are loaded on first use, not
 * at start.
 */
@Component
class PrescriptionChecks {

    static final String HIDDEN_ALLERGY = "conflicts with a recorded allergy (your access does not cover the patient's allergies: "
            + "ask the patient, or for access to ALLERGY, before you go on)";

    private final PrescriptionEntries entries;

    PrescriptionChecks(PrescriptionEntries entries) {
        this.entries = entries;
    }

    /** What a doctor is warned of before prescribing {@code medicine} to {@code patient}; empty when nothing. */
    List<String> warnings(ContractState state, Address patient, Address doctor, RxNormCode medicine, Collection<String> activeCodes,
                          long nowMillis) {
        List<String> out = new ArrayList<>();
        List<AllergyEntry> allergies = allergiesOf(patient);
        List<AllergyConflict> conflicts = Tables.ALLERGIES.check(medicine.value(), allergies);
        if (!conflicts.isEmpty()) {
            boolean seesAllergies = AccessRule.basis(state, patient, doctor, RecordCategory.ALLERGY, nowMillis, Set.of()).isPresent();
            if (seesAllergies) {
                conflicts.forEach(c -> out.add("Allergy: " + c.reason()));
            } else {
                out.add("Allergy: " + HIDDEN_ALLERGY);
            }
        }
        Tables.DUPLICATES.check(medicine.value(), activeCodes).forEach(d -> out.add("Duplicate: " + d.reason()));
        return List.copyOf(out);
    }

    /** The patient's recorded allergies, as the checks read them (a machine's read: never shown as such). */
    List<AllergyEntry> allergiesOf(Address patient) {
        return entries.allergies(patient).stream()
                .filter(a -> !(blank(a.code()) && blank(a.name())))
                .map(a -> new AllergyEntry(a.code(), a.name())).toList();
    }

    /**
     * Why {@code medicine} may not be offered to a patient with {@code allergies}, or empty: the
     * conflict in full for a doctor who sees the allergies, without the allergy for one who does not.
     */
    java.util.Optional<String> allergyReason(String medicine, List<AllergyEntry> allergies, boolean seesAllergies) {
        List<AllergyConflict> conflicts = Tables.ALLERGIES.check(medicine, allergies);
        if (conflicts.isEmpty()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(seesAllergies ? conflicts.get(0).reason() : conflicts.get(0).withoutTheAllergy());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** Loaded on first use. */
    private static final class Tables {
        static final AllergyConflicts ALLERGIES = AllergyConflicts.bundled();
        static final DuplicateTherapy DUPLICATES = DuplicateTherapy.bundled();
    }
}

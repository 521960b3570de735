package org.careledger.pharmacy;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import org.careledger.contracts.AccessRule;
import org.careledger.contracts.ContractState;
import org.careledger.contracts.RecordCategory;
import org.careledger.crypto.Address;
import org.careledger.identity.UserProfile;
import org.careledger.pharmacy.internal.AllergyEntry;
import org.careledger.records.EntryRules;
import org.careledger.records.PrescriptionEntries;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Puts together decision support's suggestions for the prescription form: the case, de-identified,
 * from the record (age, the medicines on record, the diagnoses only if the doctor's access covers
 * DIAGNOSIS), and the pharmacy's own rule of what is never offered: a medicine that conflicts with a
 * recorded allergy (by medicine, ingredient or class, with the reason in words) or that is not
 * prescribable from the catalogue. The caller has checked the doctor's consent.
 */
@Component
class PrescriptionAdvice {

    static final int SUGGESTIONS = 3;
    static final String NOT_SNOMED = "Suggestions need the diagnosis as a SNOMED CT code (for example 59621000, essential hypertension)";

    private final ObjectProvider<MedicineAdvisor> advisor;
    private final PrescriptionChecks checks;
    private final PrescriptionEntries entries;
    private final MedicineCatalogue catalogue;
    private final Clock clock;

    PrescriptionAdvice(ObjectProvider<MedicineAdvisor> advisor, PrescriptionChecks checks, PrescriptionEntries entries,
                       MedicineCatalogue catalogue, Clock clock) {
        this.advisor = advisor;
        this.checks = checks;
        this.entries = entries;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    PrescribingAdvice advise(ContractState state, UserProfile doctor, UserProfile patient, String system, String code,
                             List<String> activeMedicines, long nowMillis) {
        MedicineAdvisor a = advisor.getIfAvailable();
        if (a == null) {
            return PrescribingAdvice.none(null); // decision support is not part of this install: the form shows nothing
        }
        String condition = code == null ? "" : code.strip();
        if (!EntryRules.SNOMED.equals(system) || !condition.matches("[1-9][0-9]{5,17}")) {
            return PrescribingAdvice.none(NOT_SNOMED);
        }
        Address address = patient.ledgerAddress();
        boolean seesAllergies = covers(state, address, doctor, RecordCategory.ALLERGY, nowMillis);
        boolean seesDiagnoses = covers(state, address, doctor, RecordCategory.DIAGNOSIS, nowMillis);
        List<AllergyEntry> allergies = checks.allergiesOf(address);
        PrescriptionEntries.CodedHistory history = entries.codedHistory(address, seesDiagnoses);
        Set<String> medicines = new java.util.TreeSet<>(history.medicineCodes());
        medicines.addAll(activeMedicines);
        // a medicine may be asked about more than once (the advisor may rank twice): each is listed once
        java.util.Map<String, Optional<String>> asked = new java.util.LinkedHashMap<>();
        Predicate<String> allowed = rx -> asked.computeIfAbsent(rx, medicine -> refusal(medicine, allergies, seesAllergies)).isEmpty();
        Set<String> others = new java.util.TreeSet<>(history.diagnosisCodes());
        others.remove(condition);
        MedicineAdvisor.Advice advice = a.advise(new MedicineAdvisor.Case(condition, age(patient.dateOfBirth()), null, others, medicines),
                SUGGESTIONS, allowed);
        List<String> leftOut = asked.values().stream().flatMap(Optional::stream).distinct().toList();
        return new PrescribingAdvice(advice.suggestions().isEmpty() ? null : advice.adviceId(), advice.suggestions(), leftOut,
                advice.modelVersion(), advice.note());
    }

    /** Why a medicine is not offered: not prescribable here, or an allergy on record; empty if it may be. */
    private Optional<String> refusal(String rx, List<AllergyEntry> allergies, boolean seesAllergies) {
        Optional<CatalogueMedicine> medicine = RxNormCode.tryParse(rx).flatMap(catalogue::find);
        if (medicine.isEmpty()) {
            return Optional.of("RxNorm " + rx + " left out: not in this hospital's catalogue");
        }
        if (medicine.get().withdrawn()) {
            return Optional.of(medicine.get().name() + " left out: withdrawn from the catalogue");
        }
        return checks.allergyReason(rx, allergies, seesAllergies).map(reason -> "Left out: " + reason);
    }

    private int age(LocalDate birth) {
        return birth == null ? 0 : Math.max(0, Period.between(birth, LocalDate.now(clock)).getYears());
    }

    private static boolean covers(ContractState state, Address patient, UserProfile doctor, RecordCategory category, long nowMillis) {
        return AccessRule.basis(state, patient, doctor.ledgerAddress(), category, nowMillis, Set.of()).isPresent();
    }
}

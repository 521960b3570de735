package org.careledger.recommend;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.careledger.IntegrationTest;
import org.careledger.common.InvalidInputException;
import org.careledger.contracts.RecordCategory;
import org.careledger.identity.Role;
import org.careledger.identity.TestAccounts;
import org.careledger.identity.UserProfile;
import org.careledger.pharmacy.PharmacyPeople;
import org.careledger.pharmacy.PrescribingAdvice;
import org.careledger.pharmacy.Prescribing;
import org.careledger.pharmacy.PrescriptionDraft;
import org.careledger.recommend.internal.AdviceRows;
import org.careledger.recommend.internal.PortalEpisodes;
import org.careledger.records.CodedExtracts;
import org.careledger.records.ConsentRequiredException;
import org.careledger.records.EntryContent;
import org.careledger.records.EntryRules;
import org.careledger.records.PatientRecords;
import org.careledger.identity.UserId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Decision support through the services, on the real ledger and the shipped models: a patient's
 * symptom report is ranked for a doctor only under consent covering it; the prescription form's
 * suggestions never hold a medicine the patient is allergic to and say why it is left out; the
 * doctor's choice is recorded; and a retraining reads only the records of patients who opted in.
 */
class DecisionSupportTest extends IntegrationTest {

    static final String HYPERTENSION = "59621000";
    static final String STREP_THROAT = "43878008";
    /** Lisinopril, the ingredient: the allergy on record. */
    static final String LISINOPRIL_INGREDIENT = "29046";

    @Autowired
    ApplicationContext context;
    @Autowired
    Prescribing prescribing;
    @Autowired
    PatientRecords patientRecords;
    @Autowired
    SymptomReporting reporting;
    @Autowired
    ConditionAnalysis analysis;
    @Autowired
    TrainingConsent trainingConsent;
    @Autowired
    CodedExtracts extracts;
    @Autowired
    AdviceRows adviceRows;

    private PharmacyPeople people;
    private UserProfile doctor;
    private UserProfile patient;

    @BeforeEach
    void people() {
        people = new PharmacyPeople(context);
        doctor = people.active(Role.DOCTOR);
        patient = people.active(Role.PATIENT);
    }

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    @Test
    void aSymptomReportIsRankedForADoctorOnlyUnderConsentCoveringIt() {
        Map<String, Integer> sinus = new LinkedHashMap<>();
        sinus.put("Sinus Pain", 73);
        sinus.put("Nasal Discharge", 44);
        sinus.put("Facial Swelling", 46);
        sinus.put("Headache", 18);
        as(patient, () -> reporting.report("male", sinus));
        assertThatThrownBy(() -> as(patient, () -> reporting.report(null, Map.of("Feeling blue-green", 10))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("Choose symptoms from the list");

        assertThatThrownBy(() -> as(doctor, () -> analysis.analyse(patient.ledgerAddress())))
                .as("no consent, no analysis").isInstanceOf(ConsentRequiredException.class);
        people.consent(doctor, patient, Set.of(RecordCategory.MEDICATION));
        assertThat(as(doctor, () -> analysis.analyse(patient.ledgerAddress())))
                .as("a grant that does not cover symptom reports shows none").isEmpty();

        people.consent(doctor, patient, Set.of(RecordCategory.MEDICATION, RecordCategory.SYMPTOM_REPORT));
        List<SymptomAnalysis> found = as(doctor, () -> analysis.analyse(patient.ledgerAddress()));
        assertThat(found).singleElement().satisfies(a -> {
            assertThat(a.severities()).containsEntry("Sinus Pain", 73);
            assertThat(a.sex()).isEqualTo("male");
            assertThat(a.conditions()).isNotEmpty().hasSizeLessThanOrEqualTo(5);
            assertThat(a.conditions().get(0).name()).containsIgnoringCase("sinusitis");
            assertThat(a.conditions().get(0).evidence()).isNotBlank();
            assertThat(a.conditions()).isSortedAccordingTo((x, y) -> Double.compare(y.confidence(), x.confidence()));
        });
    }

    @Test
    void suggestionsLeaveOutWhatThePatientIsAllergicToSayWhyAndTheChoiceIsRecorded() {
        as(patient, () -> patientRecords.addSelfReported(RecordCategory.ALLERGY,
                EntryContent.coded(EntryRules.RXNORM, LISINOPRIL_INGREDIENT, "Lisinopril", null)));
        assertThatThrownBy(() -> as(doctor, () -> prescribing.advise(patient.ledgerAddress(), EntryRules.SNOMED, HYPERTENSION)))
                .isInstanceOf(ConsentRequiredException.class);
        people.consent(doctor, patient, Set.of(RecordCategory.MEDICATION, RecordCategory.ALLERGY, RecordCategory.DIAGNOSIS));

        PrescribingAdvice advice = as(doctor, () -> prescribing.advise(patient.ledgerAddress(), EntryRules.SNOMED, HYPERTENSION));
        assertThat(advice.suggestions()).isNotEmpty().hasSizeLessThanOrEqualTo(3)
                .allSatisfy(s -> assertThat(s.name().toLowerCase()).doesNotContain("lisinopril"))
                .allSatisfy(s -> assertThat(s.evidence()).isNotBlank());
        assertThat(advice.leftOut()).anySatisfy(l -> assertThat(l).containsIgnoringCase("lisinopril").contains("allergy"));

        PrescribingAdvice icd = as(doctor, () -> prescribing.advise(patient.ledgerAddress(), EntryRules.ICD10, "I10"));
        assertThat(icd.suggestions()).isEmpty();
        assertThat(icd.note()).contains("SNOMED CT");

        long chosenBefore = adviceRows.usage().accepted();
        String pick = advice.suggestions().get(0).rxnorm();
        as(doctor, () -> prescribing.prescribe(patient.ledgerAddress(), new PrescriptionDraft(pick, "1 tablet", "Oral", "once a day", 30,
                30L, 0, null, null, EntryRules.SNOMED, HYPERTENSION, "Essential hypertension (disorder)", null), advice.adviceId()));
        assertThat(adviceRows.usage().accepted()).as("the suggestion taken is recorded").isEqualTo(chosenBefore + 1);
    }

    @Test
    void aMedicineOfTheSameClassAsTheAllergyIsLeftOutTooAndAnEmptyListSaysWhy() {
        // allergic to amoxicillin; strep throat is treated in the data only with penicillin V, another penicillin
        as(patient, () -> patientRecords.addSelfReported(RecordCategory.ALLERGY,
                EntryContent.coded(EntryRules.RXNORM, "723", "Amoxicillin", null)));
        people.consent(doctor, patient, Set.of(RecordCategory.MEDICATION, RecordCategory.ALLERGY));

        PrescribingAdvice advice = as(doctor, () -> prescribing.advise(patient.ledgerAddress(), EntryRules.SNOMED, STREP_THROAT));
        assertThat(advice.suggestions()).as("every penicillin left out").isEmpty();
        assertThat(advice.adviceId()).as("nothing to choose from, nothing recorded").isNull();
        assertThat(advice.note()).contains("allowed for this patient");
        assertThat(advice.leftOut()).isNotEmpty().allSatisfy(l -> assertThat(l)
                .containsIgnoringCase("penicillin V").contains("a penicillin").contains("allergy to Amoxicillin"));
    }

    @Test
    void aRetrainingReadsOnlyPatientsWhoOptedInAndNotOnceTheyWithdraw() {
        UserProfile other = people.active(Role.PATIENT);
        as(patient, () -> reporting.report("female", Map.of("Cough", 20)));
        as(other, () -> reporting.report("male", Map.of("Cough", 30)));
        people.consent(doctor, patient, Set.of(RecordCategory.MEDICATION));
        people.consent(doctor, other, Set.of(RecordCategory.MEDICATION));
        for (UserProfile p : List.of(patient, other)) {
            as(doctor, () -> prescribing.prescribe(p.ledgerAddress(), new PrescriptionDraft("314076", "1 tablet", "Oral", "once a day", 30,
                    30L, 0, null, null, EntryRules.SNOMED, HYPERTENSION, "Essential hypertension (disorder)", null)));
        }
        assertThat(as(patient, () -> trainingConsent.mine()).optedIn()).as("off unless turned on").isFalse();
        as(patient, () -> trainingConsent.set(true));

        assertThat(episodesOfOptedIn()).as("only the patient who opted in").singleElement()
                .satisfies(e -> {
                    assertThat(e.conditionCode()).isEqualTo(HYPERTENSION);
                    assertThat(e.rxnorm()).isEqualTo("314076");
                });
        as(patient, () -> trainingConsent.set(false));
        assertThat(episodesOfOptedIn()).as("a withdrawal leaves the patient out").isEmpty();
    }

    private List<org.careledger.recommend.engine.MedicineEpisode> episodesOfOptedIn() {
        return TestAccounts.as("admin@careledger.test", Role.ADMIN, () -> {
            List<Long> ids = context.getBean(org.careledger.recommend.internal.TrainingConsentRows.class).optedInPatients();
            Map<Long, java.time.LocalDate> births = new java.util.HashMap<>();
            ids.forEach(id -> births.put(id, id == patient.id().value() ? patient.dateOfBirth() : null));
            return PortalEpisodes.of(extracts.of(ids.stream().map(UserId::new).toList()), births);
        });
    }

    private static <T> T as(UserProfile user, Supplier<T> action) {
        return TestAccounts.as(user.username(), user.role(), action);
    }
}

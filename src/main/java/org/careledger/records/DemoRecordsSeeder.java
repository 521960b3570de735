package org.careledger.records;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.careledger.common.InvalidInputException;
import org.careledger.contracts.Purpose;
import org.careledger.contracts.RecordCategory;
import org.careledger.contracts.Registry;
import org.careledger.crypto.Address;
import org.careledger.identity.AccountAdministration;
import org.careledger.identity.ActingAs;
import org.careledger.identity.DemoAccounts;
import org.careledger.identity.RegistrationRequest;
import org.careledger.identity.RegistrationService;
import org.careledger.identity.Role;
import org.careledger.identity.UserDirectory;
import org.careledger.identity.UserId;
import org.careledger.identity.UserProfile;
import org.careledger.node.LedgerService;
import org.careledger.outbox.LedgerReceipt;
import org.careledger.records.demo.DemoAllergy;
import org.careledger.records.demo.DemoClinicalData;
import org.careledger.records.demo.DemoCondition;
import org.careledger.records.demo.DemoMedication;
import org.careledger.records.demo.DemoPatient;
import org.careledger.records.internal.StoredEntryRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Gives a new demo install a living record system: the demo patient and five Synthea patients with
 * their conditions, medicines and allergies (drawn from the bundled subset, see
 * {@code org/careledger/records/demo/NOTICE.md}) imported with their own dates and Synthea as their
 * source, each anchored with the patient's own signature, grants to the demo doctor (one with a symptom report
 * for decision support), a pending request and a
 * pending doctor's entry for the demo patient, and a history of reads. Everything goes through the
 * same services and ledger transactions as a user's actions, signed by each user's own key; it runs
 * in the background once the ledger is ready, on an install whose record is still empty.
 */
@Component
@Profile("demo")
@Order(30)
class DemoRecordsSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoRecordsSeeder.class);
    static final String PASSWORD = "demo-patient-pass";
    /** The demo's symptom report, named as Synthea's symptom data names them. */
    static final SymptomReportText DEMO_SYMPTOMS = new SymptomReportText("female", new java.util.LinkedHashMap<>(java.util.Map.of(
            "Sinus Pain", 70, "Nasal Discharge", 45, "Facial Swelling", 40, "Headache", 30, "Nasal Congestion", 55, "Cough", 20)));
    /** The source the demo's imported history names in place of an author. */
    static final String SOURCE = "Synthea";

    private final StoredEntryRepository entries;
    private final EntryStore entryStore;
    private final PatientRecords patientRecords;
    private final DoctorRecords doctorRecords;
    private final DoctorConsent doctorConsent;
    private final PatientConsent patientConsent;
    private final RegistrationService registration;
    private final AccountAdministration administration;
    private final UserDirectory directory;
    private final LedgerService ledger;
    private final boolean enabled;

    DemoRecordsSeeder(StoredEntryRepository entries, EntryStore entryStore, PatientRecords patientRecords, DoctorRecords doctorRecords,
                      DoctorConsent doctorConsent, PatientConsent patientConsent, RegistrationService registration,
                      AccountAdministration administration, UserDirectory directory, LedgerService ledger,
                      @Value("${careledger.demo.records:true}") boolean enabled) {
        this.entries = entries;
        this.entryStore = entryStore;
        this.patientRecords = patientRecords;
        this.doctorRecords = doctorRecords;
        this.doctorConsent = doctorConsent;
        this.patientConsent = patientConsent;
        this.registration = registration;
        this.administration = administration;
        this.directory = directory;
        this.ledger = ledger;
        this.enabled = enabled;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled || entries.count() > 0 || directory.findByUsername(DemoAccounts.PATIENT.username()).isEmpty()) {
            return;
        }
        ledger.whenReady(() -> {
            Thread t = new Thread(this::seedQuietly, "careledger-demo-records");
            t.setDaemon(true);
            t.start();
        });
    }

    private void seedQuietly() {
        try {
            long started = System.nanoTime();
            seed();
            log.info("Demo install: seeded patients' records, consents and reads in {} ms", (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            log.warn("Demo records were not fully seeded: {}", e.toString());
        }
    }

    void seed() {
        List<DemoPatient> synthea = DemoClinicalData.load();
        UserProfile doctor = directory.findByUsername(DemoAccounts.DOCTOR.username()).orElseThrow();
        UserProfile zoe = directory.findByUsername(DemoAccounts.PATIENT.username()).orElseThrow();
        List<UserProfile> patients = new ArrayList<>();
        for (DemoPatient p : synthea.subList(1, synthea.size())) {
            patients.add(account(p));
        }
        List<UserProfile> everyone = new ArrayList<>(patients);
        everyone.add(zoe);
        everyone.add(doctor);
        await("the demo patients are registered on the ledger", () -> everyone.stream().allMatch(this::onChain));

        fill(zoe, synthea.get(0));
        as(zoe, () -> patientRecords.addSelfReported(RecordCategory.VITAL_SIGNS,
                EntryContent.measurement("Blood pressure (home monitor)", "128/82 mmHg, synthetic demo value")));
        for (int i = 0; i < patients.size(); i++) {
            fill(patients.get(i), synthea.get(i + 1));
        }

        // two patients have granted the demo doctor access, and the doctor has read one record
        for (UserProfile p : patients.subList(0, 2)) {
            grant(doctor, p, Set.of(RecordCategory.DIAGNOSIS, RecordCategory.MEDICATION, RecordCategory.ALLERGY), Duration.ofDays(30),
                    "Follow-up after your last visit");
        }
        as(doctor, () -> doctorRecords.readRecord(address(patients.get(0))));

        // decision support: a patient with essential hypertension and a lisinopril allergy on record has reported symptoms
        // and granted the demo doctor their record, symptom reports included
        UserProfile withAllergy = patients.get(3);
        as(withAllergy, () -> patientRecords.addSelfReported(RecordCategory.SYMPTOM_REPORT, DEMO_SYMPTOMS.toContent()));
        grant(doctor, withAllergy, Set.of(RecordCategory.DIAGNOSIS, RecordCategory.MEDICATION, RecordCategory.ALLERGY,
                RecordCategory.SYMPTOM_REPORT), Duration.ofDays(30), "Sinus pain and headaches for a week; blood pressure review");

        // the demo patient has a grant, a doctor's entry to approve, and a request waiting
        grant(doctor, zoe, Set.of(RecordCategory.DIAGNOSIS, RecordCategory.VITAL_SIGNS, RecordCategory.MEDICATION), Duration.ofDays(7),
                "Blood pressure review");
        as(doctor, () -> doctorRecords.readRecord(address(zoe)));
        as(doctor, () -> doctorRecords.proposeEntry(address(zoe), RecordCategory.DIAGNOSIS, EntryContent.coded(EntryRules.SNOMED, "59621000",
                "Essential hypertension (disorder)", "Home readings average 128/82; recheck in three months.")));
        LedgerReceipt waiting = as(doctor, () -> doctorConsent.requestAccess(address(zoe), Purpose.SECOND_OPINION,
                Set.of(RecordCategory.ALLERGY), Duration.ofDays(30), "Before changing your medicines"));
        await("the demo patient's waiting request is mined", () -> as(zoe, () -> patientConsent.myRequests()).stream()
                .anyMatch(r -> r.requestId().value().equals(waiting.txId())));
    }

    private UserProfile account(DemoPatient p) {
        String email = (p.firstName() + "." + p.lastName()).toLowerCase(Locale.ROOT).replaceAll("[^a-z.]", "") + "@synthea.careledger.test";
        String policy = "SYN-" + p.sourceId().substring(0, 8).toUpperCase(Locale.ROOT);
        UserId id = registration.register(new RegistrationRequest(Role.PATIENT, p.firstName() + " " + p.lastName(), "+1 617 555 0100",
                email, p.birthDate(), p.city() + ", Massachusetts", null, null, "Synthea Health", policy, PASSWORD))
                .orElseThrow(() -> new IllegalStateException("The demo patient " + email + " exists already"));
        return asAdmin(() -> administration.approve(id));
    }

    /**
     * Conditions, medicines and allergies imported from Synthea as part of the patient's record, each
     * dated as the data dates it (onset, first order, first noted) and with Synthea as its source:
     * nobody here wrote them, so no doctor is named their author.
     */
    private void fill(UserProfile patient, DemoPatient source) {
        source.conditions().stream().sorted(Comparator.comparing(DemoCondition::start).reversed()).limit(8).forEach(c ->
                imported(patient, RecordCategory.DIAGNOSIS, c.start(), EntryContent.coded(EntryRules.SNOMED, c.code(), c.display(),
                        (c.stop() == null ? "Ongoing." : "Resolved " + c.stop() + ".") + " Source: Synthea (synthetic).")));
        source.medications().stream().sorted(Comparator.comparing(DemoMedication::start).reversed()).limit(6).forEach(m ->
                imported(patient, RecordCategory.MEDICATION, m.start(), EntryContent.coded(EntryRules.RXNORM, m.rxNormCode(), m.display(),
                        (m.reasonDisplay() == null ? "" : "For " + m.reasonDisplay() + ". ")
                                + (m.stop() == null ? "Still taken." : "Until " + m.stop() + ".") + " Source: Synthea (synthetic).")));
        source.allergies().forEach(a -> imported(patient, RecordCategory.ALLERGY, a.start(), allergy(a)));
    }

    /** An allergy coded as Synthea codes it: a medicine in RxNorm, any other substance in SNOMED CT. */
    static EntryContent allergy(DemoAllergy a) {
        String text = (a.reaction() == null || a.reaction().isBlank() ? "" : "Reaction: " + a.reaction()
                + (a.severity() == null || a.severity().isBlank() ? "" : " (" + a.severity().toLowerCase(Locale.ROOT) + ")") + ". ")
                + "Source: Synthea (synthetic).";
        String system = "medication".equalsIgnoreCase(a.category()) ? EntryRules.RXNORM : EntryRules.SNOMED;
        EntryContent coded = EntryContent.coded(system, a.code(), a.display(), text);
        try {
            return EntryRules.check(RecordCategory.ALLERGY, coded);
        } catch (InvalidInputException notACodeTheRulesKnow) {
            return EntryContent.coded(null, null, a.display(), text);
        }
    }

    private void imported(UserProfile patient, RecordCategory category, LocalDate clinicalDate, EntryContent content) {
        entryStore.importApproved(patient, category, content, clinicalDate, SOURCE);
    }

    private void grant(UserProfile doctor, UserProfile patient, Set<RecordCategory> categories, Duration duration, String note) {
        LedgerReceipt request = as(doctor, () -> doctorConsent.requestAccess(address(patient), Purpose.TREATMENT, categories, duration,
                note));
        RequestId requestId = new RequestId(request.txId());
        await("the demo request is mined", () -> as(patient, () -> patientConsent.myRequests()).stream()
                .anyMatch(r -> r.requestId().equals(requestId)));
        as(patient, () -> patientConsent.grant(requestId, categories, duration));
        await("the demo grant is mined", () -> as(doctor, () -> doctorConsent.lookup(address(patient))).state()
                == PatientLookup.AccessState.GRANTED);
    }

    private boolean onChain(UserProfile user) {
        UserProfile fresh = directory.find(user.id()).orElseThrow();
        return fresh.ledgerAddress() != null && Registry.roleOf(ledger.committedStateForReading().view(), fresh.ledgerAddress()).isPresent();
    }

    private Address address(UserProfile user) {
        return directory.find(user.id()).orElseThrow().ledgerAddress();
    }

    private <T> T asAdmin(Supplier<T> action) {
        return as(DemoAccounts.ADMIN.username(), Role.ADMIN, action);
    }

    private static <T> T as(UserProfile user, Supplier<T> action) {
        return as(user.username(), user.role(), action);
    }

    private static <T> T as(String username, Role role, Supplier<T> action) {
        return ActingAs.user(username, role, action);
    }

    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out waiting until " + what);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting until " + what);
            }
        }
    }
}

package org.careledger.e2e;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.careledger.Await;
import org.careledger.contracts.Purpose;
import org.careledger.contracts.RecordCategory;
import org.careledger.contracts.Registry;
import org.careledger.contracts.RequestStatus;
import org.careledger.crypto.Address;
import org.careledger.identity.DemoAccounts;
import org.careledger.identity.DemoAccounts.DemoAccount;
import org.careledger.identity.Role;
import org.careledger.identity.TestAccounts;
import org.careledger.identity.UserDirectory;
import org.careledger.identity.UserProfile;
import org.careledger.inbox.Inbox;
import org.careledger.node.LedgerService;
import org.careledger.outbox.LedgerReceipt;
import org.careledger.records.DoctorConsent;
import org.careledger.records.DoctorRecords;
import org.careledger.records.EntryContent;
import org.careledger.records.EntryRules;
import org.careledger.records.PatientConsent;
import org.careledger.records.PatientLookup;
import org.careledger.records.PatientRecords;
import org.careledger.records.RecordEntryView;
import org.careledger.records.RequestId;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rows for every list the layout sweep visits, made through the services as users would make them
 * (the shared test context runs without the demo's records): the demo patient's record with long
 * real-world names, a grant to the demo doctor and a read of it, a doctor's entry and a second request
 * waiting for the patient, an erasure request and an emergency access for the admin to review, and
 * inbox messages. The pharmacist's inbox stays empty, so the sweep also sees a list with no rows.
 *
 * @param grantedPatient the demo patient, whose record the demo doctor may read
 * @param unknownPatient a patient who granted the demo doctor nothing
 * @param prescription   a prescription of the demo patient's, sent to the demo pharmacy and dispensed once (its invoice open)
 */
record SweepData(Address grantedPatient, Address unknownPatient, String prescription, String transaction) {

    /** Fills the lists; takes a few seconds, mostly waiting for blocks. */
    static SweepData seed(ApplicationContext ctx) {
        UserDirectory users = ctx.getBean(UserDirectory.class);
        LedgerService ledger = ctx.getBean(LedgerService.class);
        PatientRecords records = ctx.getBean(PatientRecords.class);
        PatientConsent patientConsent = ctx.getBean(PatientConsent.class);
        DoctorConsent doctorConsent = ctx.getBean(DoctorConsent.class);
        DoctorRecords doctorRecords = ctx.getBean(DoctorRecords.class);
        Inbox inbox = ctx.getBean(Inbox.class);
        TransactionTemplate transactions = ctx.getBean(TransactionTemplate.class);

        UserProfile doctor = users.findByUsername(DemoAccounts.DOCTOR.username()).orElseThrow();
        UserProfile patient = users.findByUsername(DemoAccounts.PATIENT.username()).orElseThrow();
        UserProfile stranger = new TestAccounts(ctx).active(Role.PATIENT);
        for (UserProfile user : List.of(doctor, patient, stranger)) {
            Await.until(user.fullName() + " is on the ledger", Duration.ofSeconds(60), () -> {
                Address address = users.find(user.id()).orElseThrow().ledgerAddress();
                return address != null && Registry.roleOf(ledger.committedState().view(), address).isPresent();
            });
        }
        Address zoe = users.find(patient.id()).orElseThrow().ledgerAddress();
        Address unknown = users.find(stranger.id()).orElseThrow().ledgerAddress();

        // the patient's own record, with names as long as real ones
        List<RecordEntryView> own = as(DemoAccounts.PATIENT, () -> List.of(
                records.addSelfReported(RecordCategory.MEDICATION, EntryContent.coded(EntryRules.RXNORM, "562251",
                        "Amoxicillin 250 MG / Clavulanate 125 MG Oral Tablet", "Twice a day with food, for ten days.")),
                records.addSelfReported(RecordCategory.ALLERGY, EntryContent.coded(null, null,
                        "Penicillin V (substance)", "Reaction: hives and swelling of the lips (moderate).")),
                records.addSelfReported(RecordCategory.VITAL_SIGNS, EntryContent.measurement(
                        "Blood pressure (home monitor, morning average)", "128/82 mmHg")),
                records.addSelfReported(RecordCategory.DIAGNOSIS, EntryContent.coded(EntryRules.SNOMED, "1121000119107",
                        "Chronic neck pain after whiplash injury of cervical spine (disorder)", "Since a car accident in 2019.")),
                records.addSelfReported(RecordCategory.SYMPTOM_REPORT, new org.careledger.records.SymptomReportText("female",
                        new java.util.LinkedHashMap<>(java.util.Map.of("Difficulty Swallowing", 37, "Runny/Stuffy Nose", 36,
                                "Swollen Lymph Nodes", 43, "Sore Throat", 49, "Fever", 22))).toContent())));

        // a grant to the demo doctor, and the doctor's read of the record
        LedgerReceipt asked = as(DemoAccounts.DOCTOR, () -> doctorConsent.requestAccess(zoe, Purpose.TREATMENT,
                Set.of(RecordCategory.DIAGNOSIS, RecordCategory.MEDICATION, RecordCategory.ALLERGY, RecordCategory.VITAL_SIGNS,
                        RecordCategory.SYMPTOM_REPORT),
                Duration.ofDays(30), "Follow-up after your last visit to the cardiology clinic"));
        RequestId request = new RequestId(asked.txId());
        Await.until("the request is mined", Duration.ofSeconds(60), () -> as(DemoAccounts.PATIENT, patientConsent::myRequests)
                .stream().anyMatch(r -> r.requestId().equals(request)));
        as(DemoAccounts.PATIENT, () -> patientConsent.grant(request,
                Set.of(RecordCategory.DIAGNOSIS, RecordCategory.MEDICATION, RecordCategory.ALLERGY, RecordCategory.VITAL_SIGNS,
                        RecordCategory.SYMPTOM_REPORT),
                Duration.ofDays(30)));
        Await.until("the grant is mined", Duration.ofSeconds(60),
                () -> as(DemoAccounts.DOCTOR, () -> doctorConsent.lookup(zoe)).state() == PatientLookup.AccessState.GRANTED);
        as(DemoAccounts.DOCTOR, () -> doctorRecords.readRecord(zoe));

        // waiting for the patient: a doctor's entry and a second request
        as(DemoAccounts.DOCTOR, () -> doctorRecords.proposeEntry(zoe, RecordCategory.DIAGNOSIS, EntryContent.coded(EntryRules.SNOMED,
                "59621000", "Essential hypertension (disorder)", "Home readings average 128/82; recheck in three months.")));
        LedgerReceipt second = as(DemoAccounts.DOCTOR, () -> doctorConsent.requestAccess(zoe, Purpose.SECOND_OPINION,
                Set.of(RecordCategory.LAB_RESULT, RecordCategory.CLINICAL_NOTE), Duration.ofDays(14),
                "A second opinion on your kidney function before changing your medicines"));
        Await.until("the second request is mined", Duration.ofSeconds(60), () -> as(DemoAccounts.PATIENT, patientConsent::myRequests)
                .stream().anyMatch(r -> r.requestId().equals(new RequestId(second.txId())) && r.status() == RequestStatus.PENDING));

        // for the admin: an erasure request and an emergency access to review
        as(DemoAccounts.PATIENT, () -> {
            records.requestErasure(own.get(2).entryId(), "I measured it with a broken cuff; please remove it");
            return null;
        });
        as(DemoAccounts.DOCTOR, () -> doctorConsent.declareEmergency(zoe,
                "Brought in unconscious to the emergency department; allergies needed before treatment"));

        // for the admin's approval queue (and its Reject dialog), whatever other tests did with the demo's applicants
        new TestAccounts(ctx).pending(Role.DOCTOR);

        // inbox messages with long titles; the pharmacist gets none
        for (DemoAccount account : List.of(DemoAccounts.ADMIN, DemoAccounts.DOCTOR, DemoAccounts.PATIENT)) {
            UserProfile user = users.findByUsername(account.username()).orElseThrow();
            transactions.executeWithoutResult(tx -> inbox.send(user.id(),
                    "Scheduled maintenance of the hospital network on Saturday night between 01:00 and 03:00",
                    "The portal stays available; the ledger's nodes restart one by one.", null));
        }
        // a prescription with a long medicine name, sent to the demo pharmacy and dispensed once: the pharmacist's
        // queue and dispense page, the patient's prescriptions and the invoice in her wallet
        org.careledger.pharmacy.Prescribing prescribing = ctx.getBean(org.careledger.pharmacy.Prescribing.class);
        org.careledger.pharmacy.PatientPrescriptions mine = ctx.getBean(org.careledger.pharmacy.PatientPrescriptions.class);
        org.careledger.pharmacy.Dispensary dispensary = ctx.getBean(org.careledger.pharmacy.Dispensary.class);
        String rx = as(DemoAccounts.DOCTOR, () -> prescribing.prescribe(zoe, new org.careledger.pharmacy.PrescriptionDraft("860975",
                "1 extended-release tablet", "Oral", "once a day with the evening meal", 90, 30L, 2, null,
                "swallow whole; do not crush or chew", "ICD-10", "E11.9", "Type 2 diabetes mellitus without complications",
                "Reviewed with the patient before the sweep"))).id();
        Await.until("the prescription is issued", Duration.ofSeconds(60), () -> as(DemoAccounts.PATIENT, mine::mine).stream()
                .anyMatch(p -> p.id().equals(rx) && p.state().dispensable()));
        UserProfile pharmacist = users.findByUsername(DemoAccounts.PHARMACIST.username()).orElseThrow();
        as(DemoAccounts.PATIENT, () -> mine.sendTo(rx, pharmacist.providerId()));
        LedgerReceipt dispensed = as(DemoAccounts.PHARMACIST, () -> dispensary.dispense(rx, 2L, "BATCH-2026-LONG-NAME/0042",
                java.time.LocalDate.now().plusYears(1)));
        ledger.awaitCommitted(dispensed.txId(), Duration.ofSeconds(60));
        // a committed transaction for the explorer's transaction page: the newest block's first
        String transaction = ledger.blockAt(ledger.tip().height()).orElseThrow().transactions().get(0).id().hex();
        return new SweepData(zoe, unknown, rx, transaction);
    }

    private static <T> T as(DemoAccount account, java.util.function.Supplier<T> action) {
        return TestAccounts.as(account.username(), account.role(), action);
    }
}

package org.careledger.pharmacy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.careledger.common.Waiting;
import org.careledger.contracts.Registry;
import org.careledger.crypto.Address;
import org.careledger.identity.ActingAs;
import org.careledger.identity.DemoAccounts;
import org.careledger.identity.Role;
import org.careledger.identity.UserDirectory;
import org.careledger.identity.UserProfile;
import org.careledger.ledger.Hash;
import org.careledger.node.LedgerService;
import org.careledger.outbox.LedgerReceipt;
import org.careledger.registry.ProviderAccounts;
import org.careledger.wallet.Invoicing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Gives a new demo install prescriptions in every state a person can reach on first start, through
 * the same services and ledger transactions as clicks would: for the demo patient, one partly
 * dispensed and paid, one completed whose invoice is still open (to pay from the wallet), one issued
 * (its QR code to show), one cancelled; for two Synthea patients, one sent to the demo pharmacy and
 * waiting in the pharmacist's queue, and one dispensed with its invoice open. It waits, in the
 * background, for the records' demo seeding to give the demo doctor consent; an expired prescription
 * cannot be seeded (a prescription is valid for at least a day of block time).
 */
@Component
@Profile("demo")
@Order(40)
class DemoPrescriptionsSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoPrescriptionsSeeder.class);
    private static final Duration PATIENCE = Duration.ofMinutes(3);

    private final Prescribing prescribing;
    private final PatientPrescriptions patients;
    private final Dispensary dispensary;
    private final Invoicing invoicing;
    private final UserDirectory directory;
    private final ProviderAccounts accounts;
    private final LedgerService ledger;
    private final JdbcClient jdbc;
    private final boolean enabled;

    DemoPrescriptionsSeeder(Prescribing prescribing, PatientPrescriptions patients, Dispensary dispensary, Invoicing invoicing,
                            UserDirectory directory, ProviderAccounts accounts, LedgerService ledger, JdbcClient jdbc,
                            @Value("${careledger.demo.records:true}") boolean enabled) {
        this.prescribing = prescribing;
        this.patients = patients;
        this.dispensary = dispensary;
        this.invoicing = invoicing;
        this.directory = directory;
        this.accounts = accounts;
        this.ledger = ledger;
        this.jdbc = jdbc;
        this.enabled = enabled;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled || seeded() || directory.findByUsername(DemoAccounts.PATIENT.username()).isEmpty()) {
            return;
        }
        ledger.whenReady(() -> {
            Thread t = new Thread(this::seedQuietly, "careledger-demo-prescriptions");
            t.setDaemon(true);
            t.start();
        });
    }

    private boolean seeded() {
        return jdbc.sql("SELECT COUNT(*) FROM pharmacy_prescriptions").query(Long.class).single() > 0;
    }

    private void seedQuietly() {
        try {
            long started = System.nanoTime();
            seed();
            log.info("Demo install: seeded prescriptions, dispensings and invoices in {} ms", (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            log.warn("Demo prescriptions were not fully seeded: {}", e.toString());
        }
    }

    void seed() {
        UserProfile doctor = directory.findByUsername(DemoAccounts.DOCTOR.username()).orElseThrow();
        UserProfile zoe = directory.findByUsername(DemoAccounts.PATIENT.username()).orElseThrow();
        UserProfile pharmacist = directory.findByUsername(DemoAccounts.PHARMACIST.username()).orElseThrow();
        await("the demo doctor may prescribe to the demo patient", () -> ActingAs.user(doctor, () -> prescribing.mayPrescribe(zoe.ledgerAddress())));
        await("the demo pharmacist dispenses for the demo pharmacy on the ledger", () -> pharmacist.providerId() != null
                && accounts.addressOf(pharmacist.providerId()).isPresent()
                && Registry.pharmacyOf(ledger.committedStateForReading().view(), pharmacist.ledgerAddress()).isPresent());
        long pharmacy = pharmacist.providerId();

        PrescriptionView lisinopril = prescribe(doctor, zoe, draft("314076", "1 tablet", "once a day", 30, 30, 2, "I10",
                "Essential (primary) hypertension", "in the morning"));
        PrescriptionView thiazide = prescribe(doctor, zoe, draft("310798", "1 tablet", "once a day", 30, 30, 0, "I10",
                "Essential (primary) hypertension", null));
        PrescriptionView simvastatin = prescribe(doctor, zoe, draft("314231", "1 tablet", "once a day at night", 30, 30, 5, "E78.5",
                "Hyperlipidemia, unspecified", null));
        PrescriptionView paracetamol = prescribe(doctor, zoe, draft("198440", "1 tablet", "every 6 hours when needed", 5, 20, 0, "R52",
                "Pain, unspecified", "no more than 4 tablets in 24 hours"));
        for (PrescriptionView p : List.of(lisinopril, thiazide, simvastatin, paracetamol)) {
            awaitIssued(zoe, p.id());
        }
        ActingAs.user(zoe, () -> patients.sendTo(lisinopril.id(), pharmacy));
        ActingAs.user(zoe, () -> patients.sendTo(thiazide.id(), pharmacy));
        Hash paid = dispense(pharmacist, lisinopril.id(), 30);
        dispense(pharmacist, thiazide.id(), 30);
        LedgerReceipt payment = ActingAs.user(zoe, () -> invoicing.payInvoice(paid));
        ledger.awaitCommitted(payment.txId(), PATIENCE);
        ActingAs.user(doctor, () -> prescribing.cancel(paracetamol.id(), "Replaced by a dose adjustment after review"));

        List<UserProfile> synthea = directory.activeProfilesWithRole(Role.PATIENT).stream()
                .filter(p -> p.username().endsWith("@synthea.careledger.test")
                        && ActingAs.user(doctor, () -> prescribing.mayPrescribe(p.ledgerAddress())))
                .limit(2).toList();
        if (synthea.size() == 2) {
            PrescriptionView metformin = prescribe(doctor, synthea.get(0), draft("860975", "1 tablet", "once a day with the evening meal",
                    90, 30, 2, "E11.9", "Type 2 diabetes mellitus without complications", null));
            PrescriptionView sertraline = prescribe(doctor, synthea.get(1), draft("312938", "1 tablet", "once a day", 30, 30, 1,
                    "F32.9", "Major depressive disorder, single episode, unspecified", null));
            awaitIssued(synthea.get(0), metformin.id());
            awaitIssued(synthea.get(1), sertraline.id());
            ActingAs.user(synthea.get(0), () -> patients.sendTo(metformin.id(), pharmacy));
            ActingAs.user(synthea.get(1), () -> patients.sendTo(sertraline.id(), pharmacy));
            dispense(pharmacist, sertraline.id(), 30);
        }
    }

    private PrescriptionView prescribe(UserProfile doctor, UserProfile patient, PrescriptionDraft draft) {
        Address address = patient.ledgerAddress();
        try {
            return ActingAs.user(doctor, () -> prescribing.prescribe(address, draft));
        } catch (PrescriptionWarningsException warned) {
            return ActingAs.user(doctor, () -> prescribing.prescribe(address,
                    draft.withOverrideReason("Reviewed with the patient: the benefit outweighs the risk (demo data)")));
        }
    }

    /** Dispenses from a pack of a demo batch and waits for it to be mined; returns its invoice's id. */
    private Hash dispense(UserProfile pharmacist, String prescriptionId, long quantity) {
        LedgerReceipt receipt = ActingAs.user(pharmacist, () -> dispensary.dispense(prescriptionId, quantity, "DEMO-2026-" + quantity,
                LocalDate.now().plusYears(2)));
        ledger.awaitCommitted(receipt.txId(), PATIENCE);
        await("the demo dispensing is settled", () -> ActingAs.user(pharmacist, () -> dispensary.status(prescriptionId)).fills().stream()
                .noneMatch(FillView::pending));
        return receipt.txId();
    }

    private void awaitIssued(UserProfile patient, String id) {
        await("a demo prescription is issued", () -> ActingAs.user(patient, () -> patients.mine()).stream()
                .anyMatch(p -> p.id().equals(id) && p.state() == RxState.ISSUED));
    }

    private static PrescriptionDraft draft(String medicine, String dose, String frequency, int days, long quantity, int refills,
                                           String icd10, String diagnosis, String instructions) {
        return new PrescriptionDraft(medicine, dose, "Oral", frequency, days, quantity, refills, null, instructions, "ICD-10", icd10,
                diagnosis, null);
    }

    private static void await(String what, BooleanSupplier condition) {
        Waiting.until(what, PATIENCE, condition);
    }
}

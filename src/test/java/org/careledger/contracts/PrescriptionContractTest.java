package org.careledger.contracts;

import java.util.List;

import org.careledger.crypto.PrivateKey;
import org.careledger.ledger.BlockAssembler;
import org.careledger.ledger.ContractCall;
import org.careledger.ledger.Hash;
import org.careledger.ledger.TestChains;
import org.careledger.ledger.Transaction;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careledger.contracts.ConsentLedger.*;
import static org.careledger.contracts.PharmacyLedger.*;

/** Issuing and cancelling prescriptions, in real signed transactions in real blocks. */
class PrescriptionContractTest {

    private final PharmacyLedger pharmacy = PharmacyLedger.open();

    private static ContractCall issue(long quantity, long refills, long validity) {
        return issueFor(PATIENT, quantity, refills, validity);
    }

    private static ContractCall issueFor(PrivateKey patient, long quantity, long refills, long validity) {
        return PrescriptionCalls.issue(patient.address(), MEDICINE, quantity, refills, validity, CONTENT, hashOf("secret hash"));
    }

    @Test
    void aDoctorWithConsentToMedicationIssuesAPrescriptionThatHoldsOnlyIdsHashesAndQuantities() {
        long doctorTokens = pharmacy.balance(DOCTOR);
        PharmacyLedger.Rx rx = pharmacy.issue(30, 2, 30 * DAY);
        long issuedAt = pharmacy.time();

        Prescription p = rx.onChain();
        assertThat(p.id()).as("the issuing transaction's id").isEqualTo(rx.id);
        assertThat(p.prescriber()).isEqualTo(DOCTOR.address());
        assertThat(p.patient()).isEqualTo(PATIENT.address());
        assertThat(p.medicineCode()).isEqualTo(MEDICINE);
        assertThat(p.quantity()).isEqualTo(30);
        assertThat(p.refills()).isEqualTo(2);
        assertThat(p.totalAllowed()).as("30 × (1 + 2)").isEqualTo(90);
        assertThat(p.dispensed()).isZero();
        assertThat(p.issued()).isEqualTo(new BlockStamp(pharmacy.height(), issuedAt));
        assertThat(p.expiresAt()).isEqualTo(issuedAt + 30 * DAY);
        assertThat(p.contentHash()).isEqualTo(CONTENT);
        assertThat(p.secretHash()).isEqualTo(hashOfSecret(rx.secret));
        assertThat(p.state()).isEqualTo(PrescriptionStatus.ISSUED);
        assertThat(p.cancellation()).isEmpty();
        assertThat(PrescriptionQueries.byPatient(pharmacy.state(), PATIENT.address())).containsExactly(p);
        assertThat(PrescriptionQueries.byPrescriber(pharmacy.state(), DOCTOR.address())).containsExactly(p);
        assertThat(PrescriptionQueries.byPatient(pharmacy.state(), OTHER_PATIENT.address())).isEmpty();
        assertThat(pharmacy.balance(DOCTOR)).as("prescribing is free").isEqualTo(doctorTokens);
    }

    @Test
    void onlyARegisteredDoctorPrescribesAndOnlyForARegisteredPatient() {
        assertThat(pharmacy.refusal(PHARMACIST, issue(30, 0, 30 * DAY))).isEqualTo("prescriptions.notDoctor");
        assertThat(pharmacy.refusal(PATIENT, issue(30, 0, 30 * DAY))).isEqualTo("prescriptions.notDoctor");
        assertThat(pharmacy.refusal(STRANGER, issue(30, 0, 30 * DAY))).isEqualTo("prescriptions.notDoctor");
        assertThat(pharmacy.refusal(DOCTOR, issueFor(STRANGER, 30, 0, 30 * DAY))).isEqualTo("prescriptions.unknownPatient");
        assertThat(pharmacy.refusal(DOCTOR, issueFor(PHARMACIST, 30, 0, 30 * DAY))).isEqualTo("prescriptions.unknownPatient");
    }

    @Test
    void aDoctorWithoutConsentToTheMedicationCategoryIsRefused() {
        assertThat(pharmacy.refusal(OTHER_DOCTOR, issue(30, 0, 30 * DAY))).as("a grant of DIAGNOSIS only")
                .isEqualTo("prescriptions.noConsent");
        assertThat(pharmacy.refusal(DOCTOR, issueFor(OTHER_PATIENT, 30, 0, 30 * DAY))).as("no grant of this patient")
                .isEqualTo("prescriptions.noConsent");

        pharmacy.mine(PATIENT, ConsentCalls.revoke(pharmacy.medicationGrant));
        assertThat(pharmacy.refusal(DOCTOR, issue(30, 0, 30 * DAY))).as("a revoked grant").isEqualTo("prescriptions.noConsent");
    }

    @Test
    void aRevocationEarlierInTheSameBlockAlreadyStopsThePrescription() {
        Transaction revoke = pharmacy.sign(PATIENT, ConsentCalls.revoke(pharmacy.medicationGrant));
        Transaction issue = pharmacy.sign(DOCTOR, issue(30, 0, 30 * DAY));
        var template = BlockAssembler.assemble(pharmacy.ledger.chain, List.of(revoke, issue),
                TestChains.SEALER_A.address(), pharmacy.time() + 1000);

        assertThat(template.transactions()).containsExactly(revoke);
        assertThat(template.refused()).extracting(r -> r.reason().rule()).containsExactly("prescriptions.noConsent");
    }

    @Test
    void anEmergencyAccessLetsADoctorPrescribeUntilItEnds() {
        pharmacy.mine(OTHER_DOCTOR, ConsentCalls.emergency(PATIENT.address(), hashOf("salt|anaphylaxis")));
        long declared = pharmacy.time();
        long lasts = TestChains.GENESIS.parameters().emergencyAccessMillis();

        assertThat(pharmacy.refusal(OTHER_DOCTOR, issue(30, 0, 30 * DAY))).isNull();
        assertThat(pharmacy.refusalAt(declared + lasts, OTHER_DOCTOR, issue(30, 0, 30 * DAY))).as("once the emergency has ended")
                .isEqualTo("prescriptions.noConsent");
    }

    @Test
    void refillsRunFromZeroToFive() {
        assertThat(pharmacy.refusal(DOCTOR, issue(30, 6, 30 * DAY))).isEqualTo("prescriptions.refills");
        assertThat(pharmacy.refusal(DOCTOR, issue(30, -1, 30 * DAY))).as("a negative number as a u64").isEqualTo("prescriptions.refills");

        assertThat(pharmacy.issue(30, 0, 30 * DAY).onChain().totalAllowed()).isEqualTo(30);
        assertThat(pharmacy.issue(30, 5, 30 * DAY).onChain().totalAllowed()).isEqualTo(180);
    }

    @Test
    void validityRunsFromOneDayToThreeHundredSixtySixDays() {
        assertThat(pharmacy.refusal(DOCTOR, issue(30, 0, DAY - 1))).isEqualTo("prescriptions.validity");
        assertThat(pharmacy.refusal(DOCTOR, issue(30, 0, 366 * DAY + 1))).isEqualTo("prescriptions.validity");
        assertThat(pharmacy.refusal(DOCTOR, issue(30, 0, -DAY))).isEqualTo("prescriptions.validity");

        assertThat(pharmacy.issue(30, 0, DAY).onChain().expiresAt()).isEqualTo(pharmacy.time() + DAY);
        assertThat(pharmacy.issue(30, 0, 366 * DAY).onChain().expiresAt()).isEqualTo(pharmacy.time() + 366 * DAY);
    }

    @Test
    void theQuantityTheMedicineCodeAndTheHashesAreChecked() {
        assertThat(pharmacy.refusal(DOCTOR, issue(0, 0, 30 * DAY))).isEqualTo("prescriptions.quantity");
        assertThat(pharmacy.refusal(DOCTOR, issue(-5, 0, 30 * DAY))).isEqualTo("prescriptions.quantity");
        assertThat(pharmacy.refusal(DOCTOR, issue(Long.MAX_VALUE / 2 + 1, 1, 30 * DAY))).as("the total allowed overflows")
                .isEqualTo("prescriptions.overflow");
        assertThat(pharmacy.refusal(DOCTOR, PrescriptionCalls.issue(PATIENT.address(), "paracetamol", 30, 0, 30 * DAY, CONTENT,
                hashOf("s")))).isEqualTo("prescriptions.medicine");
        assertThat(pharmacy.refusal(DOCTOR, PrescriptionCalls.issue(PATIENT.address(), "12345678901234567", 30, 0, 30 * DAY, CONTENT,
                hashOf("s")))).as("17 digits").isEqualTo("prescriptions.medicine");
        assertThat(pharmacy.refusal(DOCTOR, PrescriptionCalls.issue(PATIENT.address(), MEDICINE, 30, 0, 30 * DAY, Hash.ZERO,
                hashOf("s")))).isEqualTo("prescriptions.hash");
        assertThat(pharmacy.refusal(DOCTOR, PrescriptionCalls.issue(PATIENT.address(), MEDICINE, 30, 0, 30 * DAY, CONTENT,
                Hash.ZERO))).isEqualTo("prescriptions.hash");
        assertThat(pharmacy.refusal(DOCTOR, ContractCall.of(Prescriptions.NAME, "issue")))
                .isEqualTo("prescriptions.arguments");
        assertThat(pharmacy.refusal(DOCTOR, ContractCall.of(Prescriptions.NAME, "renew")))
                .isEqualTo("prescriptions.method");
    }

    @Test
    void onlyThePrescriberCancelsWithAReasonAndOnlyOnce() {
        PharmacyLedger.Rx rx = pharmacy.issue(30, 1, 30 * DAY);
        assertThat(pharmacy.refusal(OTHER_DOCTOR, PrescriptionCalls.cancel(rx.id, hashOf("salt|why")))).isEqualTo("prescriptions.notPrescriber");
        assertThat(pharmacy.refusal(PATIENT, PrescriptionCalls.cancel(rx.id, hashOf("salt|why")))).isEqualTo("prescriptions.notPrescriber");
        assertThat(pharmacy.refusal(DOCTOR, PrescriptionCalls.cancel(rx.id, Hash.ZERO))).isEqualTo("prescriptions.reasonRequired");
        assertThat(pharmacy.refusal(DOCTOR, PrescriptionCalls.cancel(hashOf("no such"), hashOf("salt|why")))).isEqualTo("prescriptions.unknown");

        pharmacy.mine(DOCTOR, PrescriptionCalls.cancel(rx.id, hashOf("salt|wrong dose")));

        Prescription p = rx.onChain();
        assertThat(p.state()).isEqualTo(PrescriptionStatus.CANCELLED);
        assertThat(p.cancellation()).contains(new Prescription.Cancellation(hashOf("salt|wrong dose"),
                new BlockStamp(pharmacy.height(), pharmacy.time())));
        assertThat(PrescriptionQueries.statusAt(p, pharmacy.time() + 60 * DAY)).as("cancelled stays cancelled")
                .isEqualTo(PrescriptionStatus.CANCELLED);
        assertThat(pharmacy.refusal(DOCTOR, PrescriptionCalls.cancel(rx.id, hashOf("salt|again")))).isEqualTo("prescriptions.cancelled");
    }

    @Test
    void aPartlyDispensedPrescriptionMayBeCancelledButACompletedOneNot() {
        PharmacyLedger.Rx partly = pharmacy.issue(10, 1, 30 * DAY);
        pharmacy.dispense(partly, 10);
        pharmacy.mine(DOCTOR, PrescriptionCalls.cancel(partly.id, hashOf("salt|stop")));
        assertThat(partly.onChain().state()).isEqualTo(PrescriptionStatus.CANCELLED);
        assertThat(partly.onChain().dispensed()).isEqualTo(10);

        PharmacyLedger.Rx done = pharmacy.issue(10, 0, 30 * DAY);
        pharmacy.dispense(done, 10);
        assertThat(done.onChain().state()).isEqualTo(PrescriptionStatus.COMPLETED);
        assertThat(pharmacy.refusal(DOCTOR, PrescriptionCalls.cancel(done.id, hashOf("salt|late")))).isEqualTo("prescriptions.completed");
    }

    @Test
    void aPrescriptionIsExpiredFromItsExpiryTimeOnUnlessCompletedOrCancelled() {
        PharmacyLedger.Rx rx = pharmacy.issue(10, 1, DAY);
        Prescription p = rx.onChain();

        assertThat(PrescriptionQueries.statusAt(p, p.expiresAt() - 1)).isEqualTo(PrescriptionStatus.ISSUED);
        assertThat(PrescriptionQueries.statusAt(p, p.expiresAt())).isEqualTo(PrescriptionStatus.EXPIRED);
        pharmacy.dispense(rx, 5);
        assertThat(PrescriptionQueries.statusAt(rx.onChain(), p.expiresAt() - 1)).isEqualTo(PrescriptionStatus.PARTIALLY_DISPENSED);
        assertThat(PrescriptionQueries.statusAt(rx.onChain(), p.expiresAt())).isEqualTo(PrescriptionStatus.EXPIRED);
        pharmacy.dispense(rx, 15);
        assertThat(PrescriptionQueries.statusAt(rx.onChain(), p.expiresAt())).as("completed before it expired")
                .isEqualTo(PrescriptionStatus.COMPLETED);
    }
}

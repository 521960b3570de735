package org.careledger.contracts;

import org.careledger.ledger.Hash;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careledger.contracts.ConsentLedger.*;
import static org.careledger.contracts.PharmacyLedger.*;

/** A pharmacy reverses a dispensing the same day: its invoice is cancelled, or refunded if paid. */
class ReversalTest {

    private final PharmacyLedger pharmacy = PharmacyLedger.open();
    private final PharmacyLedger.Rx rx = pharmacy.issue(10, 1, 30 * DAY);

    @Test
    void reversingAnUnpaidFillCancelsItsInvoiceAndMakesTheQuantityAvailableAgain() {
        Hash dispensing = pharmacy.dispense(rx, 10);
        pharmacy.mine(PHARMACY, PrescriptionCalls.reverse(dispensing));
        BlockStamp reversedAt = new BlockStamp(pharmacy.height(), pharmacy.time());

        assertThat(PrescriptionQueries.fill(pharmacy.state(), dispensing)).hasValueSatisfying(f ->
                assertThat(f.reversed()).contains(reversedAt));
        assertThat(pharmacy.invoice(dispensing).state()).isEqualTo(InvoiceState.CANCELLED);
        assertThat(pharmacy.invoice(dispensing).settled()).contains(reversedAt);
        assertThat(rx.onChain().dispensed()).isZero();
        assertThat(rx.onChain().state()).isEqualTo(PrescriptionStatus.ISSUED);
        assertThat(pharmacy.refusal(PATIENT, InvoiceCalls.pay(dispensing))).isEqualTo("invoices.cancelled");

        pharmacy.dispense(rx, 20);
        assertThat(rx.onChain().state()).as("the whole quantity is there again").isEqualTo(PrescriptionStatus.COMPLETED);
    }

    @Test
    void reversingAPaidFillRefundsThePatientFromThePharmacyAccount() {
        Hash dispensing = pharmacy.dispense(rx, 10);
        pharmacy.mine(PATIENT, InvoiceCalls.pay(dispensing));
        long patientAfterPaying = pharmacy.balance(PATIENT);
        assertThat(pharmacy.balance(PHARMACY)).isEqualTo((PHARMACY_TOKENS + 20) * TOKEN);

        pharmacy.mine(PHARMACY, PrescriptionCalls.reverse(dispensing));

        assertThat(pharmacy.invoice(dispensing).state()).isEqualTo(InvoiceState.REFUNDED);
        assertThat(pharmacy.balance(PATIENT)).isEqualTo(patientAfterPaying + 20 * TOKEN).isEqualTo(PATIENT_TOKENS * TOKEN - FEE);
        assertThat(pharmacy.balance(PHARMACY)).as("reversing is free").isEqualTo(PHARMACY_TOKENS * TOKEN);
        assertThat(pharmacy.refusal(PATIENT, InvoiceCalls.pay(dispensing))).isEqualTo("invoices.refunded");
    }

    @Test
    void aPharmacyThatCannotCoverTheRefundCannotReverseAPaidFill() {
        Hash dispensing = pharmacy.dispense(rx, 10);
        pharmacy.mine(PATIENT, InvoiceCalls.pay(dispensing));
        pharmacy.mine(PHARMACY, Tokens.transfer(FUNDER.address(), 20 * TOKEN));

        assertThat(pharmacy.refusal(PHARMACY, PrescriptionCalls.reverse(dispensing))).isEqualTo("tokens.balance");
        assertThat(pharmacy.invoice(dispensing).state()).isEqualTo(InvoiceState.PAID);
        assertThat(rx.onChain().dispensed()).isEqualTo(10);
    }

    @Test
    void onlyTheFillsPharmacyReversesItOnceAndWithinADay() {
        Hash dispensing = pharmacy.dispense(rx, 10);
        long dispensedAt = pharmacy.time();

        assertThat(pharmacy.refusal(PHARMACIST, PrescriptionCalls.reverse(dispensing))).as("the pharmacist, not the pharmacy")
                .isEqualTo("prescriptions.notDispensingPharmacy");
        assertThat(pharmacy.refusal(OTHER_PHARMACY, PrescriptionCalls.reverse(dispensing))).isEqualTo("prescriptions.notDispensingPharmacy");
        assertThat(pharmacy.refusal(PATIENT, PrescriptionCalls.reverse(dispensing))).isEqualTo("prescriptions.notDispensingPharmacy");
        assertThat(pharmacy.refusal(PHARMACY, PrescriptionCalls.reverse(hashOf("no such")))).isEqualTo("prescriptions.unknownDispensing");
        assertThat(pharmacy.refusalAt(dispensedAt + DAY, PHARMACY, PrescriptionCalls.reverse(dispensing)))
                .isEqualTo("prescriptions.reverseWindow");
        assertThat(pharmacy.refusalAt(dispensedAt + DAY - 1, PHARMACY, PrescriptionCalls.reverse(dispensing))).isNull();

        pharmacy.mine(PHARMACY, PrescriptionCalls.reverse(dispensing));
        assertThat(pharmacy.refusal(PHARMACY, PrescriptionCalls.reverse(dispensing))).isEqualTo("prescriptions.alreadyReversed");
    }

    @Test
    void reversingAFillOfACompletedPrescriptionReopensItButACancelledOneStaysCancelled() {
        pharmacy.dispense(rx, 10);
        Hash last = pharmacy.dispense(rx, 10);
        assertThat(rx.onChain().state()).isEqualTo(PrescriptionStatus.COMPLETED);
        pharmacy.mine(PHARMACY, PrescriptionCalls.reverse(last));
        assertThat(rx.onChain().state()).isEqualTo(PrescriptionStatus.PARTIALLY_DISPENSED);
        assertThat(rx.onChain().dispensed()).isEqualTo(10);

        PharmacyLedger.Rx stopped = pharmacy.issue(10, 1, 30 * DAY);
        Hash only = pharmacy.dispense(stopped, 10);
        pharmacy.mine(DOCTOR, PrescriptionCalls.cancel(stopped.id, hashOf("salt|side effects")));
        pharmacy.mine(PHARMACY, PrescriptionCalls.reverse(only));
        assertThat(stopped.onChain().state()).isEqualTo(PrescriptionStatus.CANCELLED);
        assertThat(stopped.onChain().dispensed()).isZero();
    }

    @Test
    void aFillWhoseInvoiceThePharmacyCancelledIsStillReversedWithoutTouchingTheInvoice() {
        Hash dispensing = pharmacy.dispense(rx, 10);
        pharmacy.mine(PHARMACY, InvoiceCalls.cancel(dispensing, hashOf("salt|on the house")));
        BlockStamp cancelled = pharmacy.invoice(dispensing).settled().orElseThrow();

        pharmacy.mine(PHARMACY, PrescriptionCalls.reverse(dispensing));

        assertThat(pharmacy.invoice(dispensing).state()).isEqualTo(InvoiceState.CANCELLED);
        assertThat(pharmacy.invoice(dispensing).settled()).contains(cancelled);
        assertThat(rx.onChain().dispensed()).isZero();
    }
}

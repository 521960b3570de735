package org.careledger.contracts;

import java.util.List;
import java.util.Optional;

import org.careledger.crypto.PrivateKey;
import org.careledger.ledger.BlockAssembler;
import org.careledger.ledger.Hash;
import org.careledger.ledger.TestChains;
import org.careledger.ledger.Transaction;
import org.careledger.ledger.TransactionRejectedException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.careledger.contracts.ConsentLedger.*;
import static org.careledger.contracts.PharmacyLedger.*;

/**
 * Dispensing prescriptions, in real signed transactions in real blocks: each fill presents the QR's
 * one-time secret, rotates it and raises its invoice in the same transaction.
 */
class DispensingTest {

    private final PharmacyLedger pharmacy = PharmacyLedger.open();
    private final PharmacyLedger.Rx rx = pharmacy.issue(30, 2, 30 * DAY);

    @Test
    void aFillIsRecordedWithItsInvoiceAndTheQrSecretMovesOnInTheSameTransaction() {
        Hash used = rx.secret;
        Hash dispensing = pharmacy.dispense(rx, 10);
        BlockStamp block = new BlockStamp(pharmacy.height(), pharmacy.time());

        Prescription p = rx.onChain();
        assertThat(p.state()).isEqualTo(PrescriptionStatus.PARTIALLY_DISPENSED);
        assertThat(p.dispensed()).isEqualTo(10);
        assertThat(p.remaining()).isEqualTo(80);
        assertThat(p.secretHash()).as("the next QR's").isEqualTo(hashOfSecret(rx.secret)).isNotEqualTo(hashOfSecret(used));
        Fill fill = new Fill(dispensing, rx.id, 1, PHARMACIST.address(), PHARMACY.address(), 10, 2 * TOKEN, PACK, hashOfSecret(used),
                block, Optional.empty());
        assertThat(PrescriptionQueries.fillsOf(pharmacy.state(), rx.id)).containsExactly(fill);
        assertThat(PrescriptionQueries.fill(pharmacy.state(), dispensing)).contains(fill);
        assertThat(PrescriptionQueries.fillsByPharmacy(pharmacy.state(), PHARMACY.address())).containsExactly(fill);

        Invoice invoice = pharmacy.invoice(dispensing);
        assertThat(invoice.payer()).isEqualTo(PATIENT.address());
        assertThat(invoice.payee()).isEqualTo(PHARMACY.address());
        assertThat(invoice.lines()).containsExactly(new Invoice.Line(MEDICINE, 10, 2 * TOKEN));
        assertThat(invoice.total()).isEqualTo(20 * TOKEN);
        assertThat(invoice.state()).isEqualTo(InvoiceState.OPEN);
        assertThat(invoice.raisedBy()).isEqualTo(Prescriptions.NAME);
        assertThat(invoice.reference()).isEqualTo(rx.id);
        assertThat(invoice.raised()).isEqualTo(block);
        assertThat(InvoiceQueries.byPayer(pharmacy.state(), PATIENT.address())).containsExactly(invoice);
        assertThat(InvoiceQueries.byPayee(pharmacy.state(), PHARMACY.address())).containsExactly(invoice);
        assertThat(pharmacy.balance(PATIENT)).as("nothing is paid yet").isEqualTo(PATIENT_TOKENS * TOKEN);
    }

    @Test
    void fillsDispenseUpToTheQuantityTimesOnePlusTheRefillsThenThePrescriptionIsCompleted() {
        pharmacy.dispense(rx, 45);
        assertThat(pharmacy.refusal(PHARMACIST, pharmacy.dispensing(rx, 46, PHARMACY.address(), TOKEN, pharmacy.newSecret())))
                .isEqualTo("prescriptions.overQuantity");
        assertThat(pharmacy.refusal(PHARMACIST, pharmacy.dispensing(rx, 0, PHARMACY.address(), TOKEN, pharmacy.newSecret())))
                .isEqualTo("prescriptions.quantity");
        pharmacy.dispense(rx, 45);

        assertThat(rx.onChain().state()).isEqualTo(PrescriptionStatus.COMPLETED);
        assertThat(rx.onChain().dispensed()).isEqualTo(90);
        assertThat(PrescriptionQueries.fillsOf(pharmacy.state(), rx.id)).extracting(Fill::number, Fill::quantity)
                .containsExactly(tuple(1L, 45L), tuple(2L, 45L));
        assertThat(pharmacy.refusal(PHARMACIST, pharmacy.dispensing(rx, 1, PHARMACY.address(), TOKEN, pharmacy.newSecret())))
                .as("with the patient's current QR").isEqualTo("prescriptions.completed");
    }

    @Test
    void aSecondDispensingWithTheSameQrIsRefusedNamingTheFirstFillsPharmacistAndBlock() {
        Hash scanned = rx.secret;
        pharmacy.dispense(rx, 10);
        long firstBlock = pharmacy.height();
        rx.secret = scanned; // the other pharmacy scanned the same QR

        TransactionRejectedException refused = pharmacy.refused(OTHER_PHARMACIST,
                pharmacy.dispensing(rx, 10, OTHER_PHARMACY.address(), TOKEN, pharmacy.newSecret()));

        assertThat(refused.rule()).isEqualTo("prescriptions.alreadyDispensed");
        assertThat(refused.getMessage()).contains("already dispensed by " + PHARMACIST.address() + " at block " + firstBlock)
                .contains("for pharmacy " + PHARMACY.address());
        assertThat(PrescriptionQueries.fillsOf(pharmacy.state(), rx.id)).hasSize(1);
    }

    @Test
    void twoPharmacistsDispensingOneQrInOneBlockGiveExactlyOneFillAndOneInvoice() {
        Transaction first = pharmacy.sign(PHARMACIST, pharmacy.dispensing(rx, 10, PHARMACY.address(), TOKEN, pharmacy.newSecret()));
        Transaction second = pharmacy.sign(OTHER_PHARMACIST, pharmacy.dispensing(rx, 10, OTHER_PHARMACY.address(), TOKEN,
                pharmacy.newSecret()));
        BlockAssembler.Template template = BlockAssembler.assemble(pharmacy.ledger.chain, List.of(first, second),
                TestChains.SEALER_A.address(), pharmacy.time() + 1000);

        assertThat(template.transactions()).containsExactly(first);
        assertThat(template.refused()).singleElement().satisfies(r -> {
            assertThat(r.reason().rule()).isEqualTo("prescriptions.alreadyDispensed");
            assertThat(r.reason().getMessage()).contains("already dispensed by " + PHARMACIST.address() + " at block "
                    + (pharmacy.height() + 1));
        });
        pharmacy.mine(first);
        assertThat(PrescriptionQueries.fillsOf(pharmacy.state(), rx.id)).singleElement()
                .satisfies(f -> assertThat(f.pharmacist()).isEqualTo(PHARMACIST.address()));
        assertThat(InvoiceQueries.byPayer(pharmacy.state(), PATIENT.address())).singleElement()
                .satisfies(i -> assertThat(i.id()).isEqualTo(first.id()));
        assertThat(rx.onChain().dispensed()).isEqualTo(10);
    }

    @Test
    void aCopiedOldQrOpensNothingOnceUsedWhileTheCurrentOneOpensTheNextFill() {
        Hash copied = rx.secret;
        pharmacy.dispense(rx, 10);
        Hash current = rx.secret;

        rx.secret = copied;
        assertThat(pharmacy.refusal(OTHER_PHARMACIST, pharmacy.dispensing(rx, 10, OTHER_PHARMACY.address(), TOKEN, pharmacy.newSecret())))
                .isEqualTo("prescriptions.alreadyDispensed");
        rx.secret = current;
        pharmacy.dispense(rx, OTHER_PHARMACIST, OTHER_PHARMACY.address(), 10, TOKEN);

        assertThat(rx.onChain().dispensed()).isEqualTo(20);
        assertThat(PrescriptionQueries.fillsByPharmacy(pharmacy.state(), OTHER_PHARMACY.address())).hasSize(1);
    }

    @Test
    void thePrescriptionIdAloneOrAGuessedSecretOpensNothing() {
        for (Hash guess : List.of(rx.id, Hash.ZERO, hashOfSecret(rx.secret), hashOf("guess"))) {
            assertThat(pharmacy.refusal(PHARMACIST, PrescriptionCalls.dispense(rx.id, 10, guess, hashOfSecret(pharmacy.newSecret()),
                    PHARMACY.address(), TOKEN, PACK))).as("secret %s", guess).isEqualTo("prescriptions.secret");
        }
        assertThat(pharmacy.refusal(PHARMACIST, PrescriptionCalls.dispense(hashOf("no such"), 10, rx.secret,
                hashOfSecret(pharmacy.newSecret()), PHARMACY.address(), TOKEN, PACK))).isEqualTo("prescriptions.unknown");
        assertThat(PrescriptionQueries.fillsOf(pharmacy.state(), rx.id)).isEmpty();
    }

    @Test
    void onlyAPharmacistAffiliatedWithThePharmacyNamedDispensesAndOnlyForAPharmacy() {
        assertThat(refusalFor(DOCTOR, PHARMACY)).isEqualTo("prescriptions.notPharmacist");
        assertThat(refusalFor(PATIENT, PHARMACY)).isEqualTo("prescriptions.notPharmacist");
        assertThat(refusalFor(PHARMACY, PHARMACY)).as("the pharmacy's own account").isEqualTo("prescriptions.notPharmacist");
        assertThat(refusalFor(LONE_PHARMACIST, PHARMACY)).isEqualTo("prescriptions.notAffiliated");
        assertThat(refusalFor(PHARMACIST, OTHER_PHARMACY)).as("another pharmacy").isEqualTo("prescriptions.notAffiliated");
        assertThat(refusalFor(HOSPITAL_PHARMACIST, HOSPITAL)).as("a hospital is no pharmacy").isEqualTo("prescriptions.notPharmacy");
        assertThat(refusalFor(PHARMACIST, PATIENT)).as("the patient as payee").isEqualTo("prescriptions.notPharmacy");
        assertThat(refusalFor(PHARMACIST, PHARMACY)).isNull();
    }

    private String refusalFor(PrivateKey pharmacist, PrivateKey payee) {
        return pharmacy.ledger.refusal(pharmacy.sign(pharmacist, pharmacy.dispensing(rx, 10, payee.address(), TOKEN,
                pharmacy.newSecret())), pharmacy.time() + 1000);
    }

    @Test
    void aCancelledPrescriptionsQrOpensNothing() {
        pharmacy.dispense(rx, 10);
        pharmacy.mine(DOCTOR, PrescriptionCalls.cancel(rx.id, hashOf("salt|allergy found")));

        assertThat(pharmacy.refusal(PHARMACIST, pharmacy.dispensing(rx, 10, PHARMACY.address(), TOKEN, pharmacy.newSecret())))
                .isEqualTo("prescriptions.cancelled");
    }

    @Test
    void aPrescriptionPastItsValidityIsRefusedByBlockTime() {
        PharmacyLedger.Rx daily = pharmacy.issue(10, 1, DAY);
        long expires = daily.onChain().expiresAt();
        Hash next = pharmacy.newSecret();
        pharmacy.mineAt(expires - 1, pharmacy.sign(PHARMACIST, pharmacy.dispensing(daily, 5, PHARMACY.address(), TOKEN, next)));
        daily.secret = next;
        assertThat(daily.onChain().dispensed()).as("a millisecond before it expires").isEqualTo(5);

        assertThat(pharmacy.refusalAt(expires, PHARMACIST, pharmacy.dispensing(daily, 5, PHARMACY.address(), TOKEN,
                pharmacy.newSecret()))).isEqualTo("prescriptions.expired");
        assertThat(PrescriptionQueries.statusAt(daily.onChain(), expires)).isEqualTo(PrescriptionStatus.EXPIRED);
    }

    @Test
    void aDispensingWhoseInvoiceCannotBeRaisedLeavesNoFillAndNoInvoice() {
        assertThat(pharmacy.refusal(PHARMACIST, pharmacy.dispensing(rx, 3, PHARMACY.address(), Long.MAX_VALUE / 2, pharmacy.newSecret())))
                .as("3 × the unit price overflows the total").isEqualTo("invoices.overflow");
        assertThat(pharmacy.refusal(PHARMACIST, pharmacy.dispensing(rx, 3, PHARMACY.address(), -1, pharmacy.newSecret())))
                .as("a negative unit price").isEqualTo("invoices.line");

        assertThat(PrescriptionQueries.fillsOf(pharmacy.state(), rx.id)).isEmpty();
        assertThat(InvoiceQueries.byPayer(pharmacy.state(), PATIENT.address())).isEmpty();
        assertThat(rx.onChain().secretHash()).as("the QR still opens it").isEqualTo(hashOfSecret(rx.secret));
        pharmacy.dispense(rx, 3);
        assertThat(rx.onChain().dispensed()).isEqualTo(3);
    }

    @Test
    void theNextSecretMustBeNewAndThePackNamed() {
        Hash current = rx.secret;
        assertThat(pharmacy.refusal(PHARMACIST, PrescriptionCalls.dispense(rx.id, 10, current, hashOfSecret(current),
                PHARMACY.address(), TOKEN, PACK))).isEqualTo("prescriptions.secretReused");
        assertThat(pharmacy.refusal(PHARMACIST, PrescriptionCalls.dispense(rx.id, 10, current, Hash.ZERO,
                PHARMACY.address(), TOKEN, PACK))).isEqualTo("prescriptions.hash");
        assertThat(pharmacy.refusal(PHARMACIST, PrescriptionCalls.dispense(rx.id, 10, current, hashOfSecret(pharmacy.newSecret()),
                PHARMACY.address(), TOKEN, Hash.ZERO))).isEqualTo("prescriptions.hash");

        pharmacy.dispense(rx, 10);
        assertThat(pharmacy.refusal(PHARMACIST, PrescriptionCalls.dispense(rx.id, 10, rx.secret, hashOfSecret(current),
                PHARMACY.address(), TOKEN, PACK))).as("a secret already consumed").isEqualTo("prescriptions.secretReused");
    }

    @Test
    void dispensingIsFreeForThePharmacist() {
        long before = pharmacy.balance(PHARMACIST);
        pharmacy.dispense(rx, 10);
        assertThat(pharmacy.balance(PHARMACIST)).isEqualTo(before).isZero();
    }
}

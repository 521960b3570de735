package org.careledger.contracts;

import java.util.List;

import org.careledger.ledger.Arg;
import org.careledger.ledger.BlockAssembler;
import org.careledger.ledger.ContractCall;
import org.careledger.ledger.Hash;
import org.careledger.ledger.TestChains;
import org.careledger.ledger.Transaction;
import org.careledger.ledger.TransactionRejectedException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careledger.contracts.ConsentLedger.*;
import static org.careledger.contracts.PharmacyLedger.*;

/** Paying and cancelling the invoices dispensings raise, in real signed transactions in real blocks. */
class InvoicesContractTest {

    private final PharmacyLedger pharmacy = PharmacyLedger.open();
    private final PharmacyLedger.Rx rx = pharmacy.issue(30, 2, 30 * DAY);
    /** An open invoice of 10 units at 2 tokens. */
    private final Hash invoice = pharmacy.dispense(rx, 10);

    @Test
    void payingMovesExactlyTheTotalToThePayeeAndMarksTheInvoicePaidInItsBlock() {
        long patient = pharmacy.balance(PATIENT);
        long payee = pharmacy.balance(PHARMACY);

        Transaction pay = pharmacy.mine(PATIENT, InvoiceCalls.pay(invoice));

        assertThat(pharmacy.balance(PATIENT)).as("the total and the fee").isEqualTo(patient - 20 * TOKEN - FEE);
        assertThat(pharmacy.balance(PHARMACY)).isEqualTo(payee + 20 * TOKEN);
        Invoice paid = pharmacy.invoice(invoice);
        assertThat(paid.state()).isEqualTo(InvoiceState.PAID);
        assertThat(paid.payment()).contains(new Invoice.Payment(pay.id(), new BlockStamp(pharmacy.height(), pharmacy.time())));
        assertThat(InvoiceQueries.byPayee(pharmacy.state(), PHARMACY.address())).containsExactly(paid);
        assertThat(InvoiceQueries.byPayer(pharmacy.state(), PATIENT.address())).containsExactly(paid);
    }

    @Test
    void aPaidInvoiceIsNotPaidAgainAndTheBalancesStayAsTheyWere() {
        pharmacy.mine(PATIENT, InvoiceCalls.pay(invoice));
        long paidIn = pharmacy.height();
        long patient = pharmacy.balance(PATIENT);
        long payee = pharmacy.balance(PHARMACY);

        TransactionRejectedException again = pharmacy.refused(PATIENT, InvoiceCalls.pay(invoice));
        assertThat(again.rule()).isEqualTo("invoices.alreadyPaid");
        assertThat(again.getMessage()).contains("already paid in block " + paidIn);
        assertThat(pharmacy.refusal(PATIENT, InvoiceCalls.pay(invoice))).isEqualTo("invoices.alreadyPaid");

        assertThat(pharmacy.balance(PATIENT)).isEqualTo(patient);
        assertThat(pharmacy.balance(PHARMACY)).isEqualTo(payee);
    }

    @Test
    void twoPaymentsOfOneInvoiceInOneBlockPayItOnce() {
        long patient = pharmacy.balance(PATIENT);
        Transaction first = pharmacy.sign(PATIENT, InvoiceCalls.pay(invoice), 0);
        Transaction retry = pharmacy.sign(PATIENT, InvoiceCalls.pay(invoice), 1);
        BlockAssembler.Template template = BlockAssembler.assemble(pharmacy.ledger.chain, List.of(first, retry),
                TestChains.SEALER_A.address(), pharmacy.time() + 1000);

        assertThat(template.transactions()).containsExactly(first);
        assertThat(template.refused()).extracting(r -> r.reason().rule()).containsExactly("invoices.alreadyPaid");
        pharmacy.mine(first);
        assertThat(pharmacy.balance(PATIENT)).isEqualTo(patient - 20 * TOKEN - FEE);
        assertThat(pharmacy.invoice(invoice).payment()).hasValueSatisfying(p -> assertThat(p.txId()).isEqualTo(first.id()));
    }

    @Test
    void onlyThePayerPays() {
        assertThat(pharmacy.refusal(STRANGER, InvoiceCalls.pay(invoice))).isEqualTo("invoices.notPayer");
        assertThat(pharmacy.refusal(PHARMACY, InvoiceCalls.pay(invoice))).isEqualTo("invoices.notPayer");
        assertThat(pharmacy.refusal(PATIENT, InvoiceCalls.pay(hashOf("no such invoice")))).isEqualTo("invoices.unknown");
        assertThat(pharmacy.invoice(invoice).state()).isEqualTo(InvoiceState.OPEN);
    }

    @Test
    void aPayerWithoutEnoughTokensIsRefusedAndTheInvoiceStaysOpenWithNothingMoved() {
        Hash dear = pharmacy.dispense(rx, PHARMACIST, PHARMACY.address(), 1, PATIENT_TOKENS * TOKEN);
        long patient = pharmacy.balance(PATIENT);
        long payee = pharmacy.balance(PHARMACY);

        TransactionRejectedException refused = pharmacy.refused(PATIENT, InvoiceCalls.pay(dear));
        assertThat(refused.rule()).isEqualTo("tokens.balance");
        assertThat(refused.getMessage()).as("the amount and the balance").contains(String.valueOf(PATIENT_TOKENS * TOKEN))
                .contains(String.valueOf(patient - FEE));
        assertThat(pharmacy.refusal(PATIENT, InvoiceCalls.pay(dear))).isEqualTo("tokens.balance");

        assertThat(pharmacy.invoice(dear).state()).isEqualTo(InvoiceState.OPEN);
        assertThat(pharmacy.balance(PATIENT)).isEqualTo(patient);
        assertThat(pharmacy.balance(PHARMACY)).isEqualTo(payee);
    }

    @Test
    void onlyThePayeeCancelsAndOnlyAnOpenInvoice() {
        assertThat(pharmacy.refusal(PATIENT, InvoiceCalls.cancel(invoice, null))).isEqualTo("invoices.notPayee");
        assertThat(pharmacy.refusal(STRANGER, InvoiceCalls.cancel(invoice, null))).isEqualTo("invoices.notPayee");
        assertThat(pharmacy.refusal(OTHER_PHARMACIST, InvoiceCalls.cancel(invoice, null))).as("a pharmacist without tokens pays no fee")
                .isEqualTo("tokens.balance");

        pharmacy.mine(PHARMACY, InvoiceCalls.cancel(invoice, hashOf("salt|goodwill")));
        Invoice cancelled = pharmacy.invoice(invoice);
        assertThat(cancelled.state()).isEqualTo(InvoiceState.CANCELLED);
        assertThat(cancelled.reasonHash()).contains(hashOf("salt|goodwill"));
        assertThat(cancelled.settled()).contains(new BlockStamp(pharmacy.height(), pharmacy.time()));
        assertThat(pharmacy.refusal(PATIENT, InvoiceCalls.pay(invoice))).isEqualTo("invoices.cancelled");
        assertThat(pharmacy.refusal(PHARMACY, InvoiceCalls.cancel(invoice, null))).isEqualTo("invoices.cancelled");

        Hash paid = pharmacy.dispense(rx, 10);
        pharmacy.mine(PATIENT, InvoiceCalls.pay(paid));
        assertThat(pharmacy.refusal(PHARMACY, InvoiceCalls.cancel(paid, null))).isEqualTo("invoices.alreadyPaid");
    }

    @Test
    void invoiceCallsCarryTheOrdinaryFeeAndUnknownMethodsAreRefused() {
        assertThat(pharmacy.state().minimumFee(InvoiceCalls.pay(invoice))).isEqualTo(FEE);
        assertThat(pharmacy.state().minimumFee(InvoiceCalls.cancel(invoice, null))).isEqualTo(FEE);
        assertThat(pharmacy.refusal(PATIENT, ContractCall.of(Invoices.NAME, "raise", Arg.of(invoice))))
                .as("only contracts raise invoices").isEqualTo("invoices.method");
        assertThat(pharmacy.refusal(PATIENT, ContractCall.of(Invoices.NAME, "pay"))).isEqualTo("invoices.arguments");
    }
}

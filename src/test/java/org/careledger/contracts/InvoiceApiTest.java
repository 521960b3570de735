package org.careledger.contracts;

import java.util.Collections;
import java.util.List;

import org.careledger.crypto.Address;
import org.careledger.crypto.DevAccounts;
import org.careledger.crypto.PrivateKey;
import org.careledger.ledger.ContractCall;
import org.careledger.ledger.Genesis;
import org.careledger.ledger.Hash;
import org.careledger.ledger.TestChains;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careledger.contracts.ConsentLedger.*;

/**
 * The invoice API every contract bills through, reached by a test contract that passes on whatever
 * it is given: the rules of an invoice's lines and total, and who may reverse it.
 */
class InvoiceApiTest {

    private static final String RAISER = "raiser";
    private static final String OTHER = "otherraiser";
    private static final long TOKEN = Genesis.UNITS_PER_TOKEN;
    private static final PrivateKey PAYEE = STRANGER; // dev account 2: 100 tokens
    private static final PrivateKey PAYER = DevAccounts.ganacheAccount(3); // 100 tokens
    private static final Hash ID = hashOf("invoice 1");
    private static final List<Invoice.Line> CONSULTATION = List.of(new Invoice.Line("consultation", 1, 30 * TOKEN),
            new Invoice.Line("dressing", 2, 5 * TOKEN));

    private final ConsentLedger ledger = new ConsentLedger(TestChains.newChain(TestChains.GENESIS, new Contracts(List.of(
            new Tokens(), new Registry(), new Invoices(), new InvoiceRaiser(RAISER), new InvoiceRaiser(OTHER)))));
    private long time = T0;

    @Test
    void aRaisedInvoiceIsOpenTotalledAndNamesTheContractThatRaisedIt() {
        mine(PAYEE, InvoiceRaiser.raise(RAISER, ID, PAYER.address(), PAYEE.address(), CONSULTATION));

        Invoice invoice = InvoiceQueries.invoice(ledger.state(), ID).orElseThrow();
        assertThat(invoice.total()).isEqualTo(40 * TOKEN);
        assertThat(invoice.lines()).isEqualTo(CONSULTATION);
        assertThat(invoice.raisedBy()).isEqualTo(RAISER);
        assertThat(invoice.state()).isEqualTo(InvoiceState.OPEN);
        assertThat(invoice.raised()).isEqualTo(new BlockStamp(1, time));
        assertThat(refusal(PAYEE, InvoiceRaiser.raise(OTHER, ID, PAYER.address(), PAYEE.address(), CONSULTATION)))
                .as("an id is raised once, whoever raises it").isEqualTo("invoices.exists");
    }

    @Test
    void anInvoiceHasOneToThirtyTwoLinesEachWithACodeAPositiveQuantityAndAPrice() {
        assertThat(raising(List.of())).isEqualTo("invoices.lines");
        assertThat(raising(Collections.nCopies(33, new Invoice.Line("x", 1, 1)))).isEqualTo("invoices.lines");
        assertThat(raising(Collections.nCopies(32, new Invoice.Line("x", 1, 1)))).isNull();
        assertThat(raising(List.of(new Invoice.Line("", 1, 1)))).isEqualTo("invoices.line");
        assertThat(raising(List.of(new Invoice.Line("c".repeat(65), 1, 1)))).isEqualTo("invoices.line");
        assertThat(raising(List.of(new Invoice.Line("c".repeat(64), 1, 1)))).isNull();
        assertThat(raising(List.of(new Invoice.Line("two\nlines", 1, 1)))).isEqualTo("invoices.line");
        assertThat(raising(List.of(new Invoice.Line("x", 0, 1)))).isEqualTo("invoices.line");
        assertThat(raising(List.of(new Invoice.Line("x", -1, 1)))).isEqualTo("invoices.line");
        assertThat(raising(List.of(new Invoice.Line("x", 1, -1)))).isEqualTo("invoices.line");
        assertThat(raising(List.of(new Invoice.Line("free sample", 1, 0)))).isNull();
    }

    @Test
    void aTotalBeyondA64BitAmountIsRefused() {
        assertThat(raising(List.of(new Invoice.Line("x", 2, Long.MAX_VALUE / 2 + 1)))).isEqualTo("invoices.overflow");
        assertThat(raising(List.of(new Invoice.Line("x", 1, Long.MAX_VALUE), new Invoice.Line("y", 1, 1)))).isEqualTo("invoices.overflow");
        assertThat(raising(List.of(new Invoice.Line("x", 1, Long.MAX_VALUE)))).isNull();
    }

    @Test
    void aPayerCannotBeItsOwnPayee() {
        assertThat(refusal(PAYEE, InvoiceRaiser.raise(RAISER, ID, PAYEE.address(), PAYEE.address(), CONSULTATION)))
                .isEqualTo("invoices.sameParty");
    }

    @Test
    void onlyTheRaisingContractReversesAndAPaidInvoiceOnlyWithThePayeeSigning() {
        mine(PAYEE, InvoiceRaiser.raise(RAISER, ID, PAYER.address(), PAYEE.address(), CONSULTATION));
        assertThat(refusal(PAYEE, InvoiceRaiser.reverse(OTHER, ID))).isEqualTo("invoices.notRaiser");
        assertThat(refusal(PAYEE, InvoiceRaiser.reverse(RAISER, hashOf("no such")))).isEqualTo("invoices.unknown");

        mine(PAYER, InvoiceCalls.pay(ID));
        assertThat(balance(PAYER.address())).isEqualTo(60 * TOKEN - fee());
        assertThat(refusal(PAYER, InvoiceRaiser.reverse(RAISER, ID))).as("the payer cannot refund themselves").isEqualTo("invoices.notPayee");

        mine(PAYEE, InvoiceRaiser.reverse(RAISER, ID));
        assertThat(InvoiceQueries.invoice(ledger.state(), ID).orElseThrow().state()).isEqualTo(InvoiceState.REFUNDED);
        assertThat(balance(PAYER.address())).isEqualTo(100 * TOKEN - fee());
        assertThat(refusal(PAYEE, InvoiceRaiser.reverse(RAISER, ID))).isEqualTo("invoices.refunded");
    }

    @Test
    void reversingAnOpenInvoiceCancelsItWhoeverSigns() {
        mine(PAYEE, InvoiceRaiser.raise(RAISER, ID, PAYER.address(), PAYEE.address(), CONSULTATION));
        mine(PAYER, InvoiceRaiser.reverse(RAISER, ID));

        assertThat(InvoiceQueries.invoice(ledger.state(), ID).orElseThrow().state()).isEqualTo(InvoiceState.CANCELLED);
        assertThat(refusal(PAYEE, InvoiceRaiser.reverse(RAISER, ID))).isEqualTo("invoices.cancelled");
    }

    @Test
    void aZeroTotalIsPaidWithoutMovingTokens() {
        mine(PAYEE, InvoiceRaiser.raise(RAISER, ID, PAYER.address(), PAYEE.address(), List.of(new Invoice.Line("free sample", 1, 0))));
        mine(PAYER, InvoiceCalls.pay(ID));

        assertThat(InvoiceQueries.invoice(ledger.state(), ID).orElseThrow().state()).isEqualTo(InvoiceState.PAID);
        assertThat(balance(PAYER.address())).isEqualTo(100 * TOKEN - fee());
        assertThat(balance(PAYEE.address())).isEqualTo(100 * TOKEN);
    }

    private String raising(List<Invoice.Line> lines) {
        return refusal(PAYEE, InvoiceRaiser.raise(RAISER, ID, PAYER.address(), PAYEE.address(), lines));
    }

    private void mine(PrivateKey key, ContractCall call) {
        time += 1000;
        ledger.mine(time, ledger.signWithFee(key, call, 0, ledger.state().minimumFee(call)));
        assertThat(Tokens.supply(ledger.state())).isEqualTo(TestChains.GENESIS.totalSupply());
    }

    private String refusal(PrivateKey key, ContractCall call) {
        return ledger.refusal(ledger.signWithFee(key, call, 0, ledger.state().minimumFee(call)), time + 1000);
    }

    private long balance(Address account) {
        return Tokens.balanceOf(ledger.state().view(), account);
    }

    private static long fee() {
        return TestChains.GENESIS.parameters().minFee();
    }
}

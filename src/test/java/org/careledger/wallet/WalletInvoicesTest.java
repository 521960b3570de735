package org.careledger.wallet;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.careledger.Await;
import org.careledger.IntegrationTest;
import org.careledger.common.NotFoundException;
import org.careledger.contracts.Invoice;
import org.careledger.contracts.InvoiceCalls;
import org.careledger.contracts.InvoiceQueries;
import org.careledger.contracts.InvoiceState;
import org.careledger.contracts.Tokens;
import org.careledger.crypto.Address;
import org.careledger.identity.DemoAccounts;
import org.careledger.identity.Role;
import org.careledger.identity.TestAccounts;
import org.careledger.identity.UserDirectory;
import org.careledger.identity.UserProfile;
import org.careledger.ledger.Hash;
import org.careledger.node.LedgerService;
import org.careledger.outbox.LedgerOutbox;
import org.careledger.outbox.LedgerReceipt;
import org.careledger.outbox.Signer;
import org.careledger.provider.Providers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Paying the invoices a pharmacy's dispensing raises, on the real database and ledger: exactly the
 * total and the fee move, once; what cannot be paid is refused in words with nothing moved; only the
 * payer pays and sees the receipt; a reversal refunds a paid invoice and cancels an open one, and the
 * history agrees with the balance throughout.
 */
class WalletInvoicesTest extends IntegrationTest {

    /** A tenth of a token a tablet: two tablets are 0.2 tokens. */
    private static final long UNIT_PRICE = 100_000;

    @Autowired
    ApplicationContext ctx;
    @Autowired
    Invoicing invoicing;
    @Autowired
    WalletService wallet;
    @Autowired
    LedgerService ledger;
    @Autowired
    LedgerOutbox outbox;
    @Autowired
    WalletHistoryFeed feed;
    @Autowired
    JdbcClient jdbc;

    private InvoiceFixture fixture;
    private UserProfile patient;
    private long fee;
    private String pharmacyName;
    private final List<InvoicePaid> paid = new CopyOnWriteArrayList<>();
    private final ApplicationListener<ApplicationEvent> listener = e -> {
        if (e instanceof PayloadApplicationEvent<?> published && published.getPayload() instanceof InvoicePaid event) {
            paid.add(event);
        }
    };

    @BeforeEach
    void aPatientWithOneTokenAndTheDemoPharmacy() {
        fixture = new InvoiceFixture(ctx);
        patient = new TestAccounts(ctx).active(Role.PATIENT);
        TestFunding.oneToken(ctx, patient);
        fee = ledger.minimumFee(InvoiceCalls.pay(Hash.ZERO));
        UserProfile pharmacist = ctx.getBean(UserDirectory.class).findByUsername(DemoAccounts.PHARMACIST.username()).orElseThrow();
        pharmacyName = ctx.getBean(Providers.class).find(pharmacist.providerId()).orElseThrow().name();
        ((ConfigurableApplicationContext) ctx).addApplicationListener(listener);
    }

    @AfterEach
    void stopListening() {
        ((ConfigurableApplicationContext) ctx).removeApplicationListener(listener);
    }

    @Test
    void payingMovesExactlyTheTotalToThePharmacyAndTheFeeAndTheInvoiceIsPaid() {
        Hash id = fixture.dispense(patient, 2, UNIT_PRICE).invoiceId();
        long pharmacyBefore = balance(fixture.pharmacy());

        WalletInvoice open = mine().get(0);
        assertThat(open.id()).isEqualTo(id);
        assertThat(open.status()).isEqualTo("open");
        assertThat(open.payeeName()).isEqualTo(pharmacyName);
        assertThat(open.total()).isEqualTo(200_000);
        assertThat(open.lines()).containsExactly(new InvoiceLine(InvoiceFixture.MEDICINE_NAME, InvoiceFixture.MEDICINE, 2, UNIT_PRICE));
        PaymentQuote quote = as(() -> invoicing.quotePayment(id));
        assertThat(quote.spendableAfter()).isEqualTo(TestFunding.ONE_TOKEN - 200_000 - fee);

        LedgerReceipt receipt = as(() -> invoicing.payInvoice(id));
        assertThat(receipt.status()).isEqualTo(LedgerReceipt.Status.PENDING);
        assertThat(mine().get(0).status()).as("at once").matches("payment pending|paid in block \\d+");
        assertThat(as(() -> wallet.myBalance()).spendable()).as("the payment is no longer there to spend")
                .isEqualTo(TestFunding.ONE_TOKEN - 200_000 - fee);
        long height = ledger.awaitCommitted(receipt.txId(), Duration.ofSeconds(30));

        assertThat(balance(patient.ledgerAddress())).isEqualTo(TestFunding.ONE_TOKEN - 200_000 - fee);
        assertThat(balance(fixture.pharmacy())).isEqualTo(pharmacyBefore + 200_000);
        assertThat(invoice(id).state()).isEqualTo(InvoiceState.PAID);
        assertThat(mine().get(0).status()).isEqualTo("paid in block " + height);
        Await.until("the payment is settled and announced", () -> !paid.isEmpty());
        assertThat(paid).filteredOn(e -> e.invoiceId().equals(id)).containsExactly(new InvoicePaid(id, patient.ledgerAddress(), fixture.pharmacy(), 200_000, height));
    }

    @Test
    void anInvoiceTheUserCannotAffordIsRefusedNamingTheAmountsAndNothingMoves() {
        Hash id = fixture.dispense(patient, 3, 500_000).invoiceId();

        String expected = "This invoice is 1.5 tokens plus a fee of 0.001; you can spend 1 token. Nothing was paid: the invoice stays open.";
        assertThatThrownBy(() -> as(() -> invoicing.quotePayment(id))).isInstanceOf(InvoicePaymentException.class).hasMessage(expected);
        assertThatThrownBy(() -> as(() -> invoicing.payInvoice(id))).isInstanceOf(InvoicePaymentException.class).hasMessage(expected);

        assertThat(outbox.inFlightOf(Signer.user(patient.id()))).as("nothing queued").isEmpty();
        assertThat(balance(patient.ledgerAddress())).isEqualTo(TestFunding.ONE_TOKEN);
        assertThat(invoice(id).state()).isEqualTo(InvoiceState.OPEN);
        assertThat(mine().get(0).status()).isEqualTo("open");
    }

    @Test
    void anInvoiceIsPaidOnceHoweverOftenPayIsClicked() {
        Hash id = fixture.dispense(patient, 2, UNIT_PRICE).invoiceId();

        LedgerReceipt first = as(() -> invoicing.payInvoice(id));
        try {
            LedgerReceipt again = as(() -> invoicing.payInvoice(id));
            assertThat(again.txId()).as("the payment on its way, not a second one").isEqualTo(first.txId());
        } catch (InvoicePaymentException settledAlready) {
            assertThat(settledAlready).hasMessageStartingWith("This invoice was already paid in block");
        }
        long height = ledger.awaitCommitted(first.txId(), Duration.ofSeconds(30));
        Await.until("the payment is settled", () -> outbox.inFlightOf(Signer.user(patient.id())).isEmpty());

        assertThatThrownBy(() -> as(() -> invoicing.payInvoice(id))).isInstanceOf(InvoicePaymentException.class)
                .hasMessage("This invoice was already paid in block " + height + ".");
        assertThat(balance(patient.ledgerAddress())).as("paid once").isEqualTo(TestFunding.ONE_TOKEN - 200_000 - fee);
        assertThat(outbox.ofSubject(InvoicePayments.PAY, patient.ledgerAddress().toString())).hasSize(1);
    }

    @Test
    void onlyThePayerPaysAndOnlyThePayerSeesTheReceipt() {
        Hash id = fixture.dispense(patient, 2, UNIT_PRICE).invoiceId();
        UserProfile stranger = new TestAccounts(ctx).active(Role.PATIENT);

        assertThatThrownBy(() -> TestAccounts.as(stranger, () -> invoicing.payInvoice(id))).isInstanceOf(InvoicePaymentException.class)
                .hasMessage("There is no invoice " + id.hex().substring(0, 12) + " for you to pay.");
        assertThat(TestAccounts.as(stranger, () -> invoicing.myInvoices())).isEmpty();
        assertThatThrownBy(() -> as(() -> invoicing.receipt(id))).as("not paid yet")
                .hasMessage("Invoice " + id.hex().substring(0, 12) + " is not paid: it has a receipt once it is paid.");

        LedgerReceipt payment = as(() -> invoicing.payInvoice(id));
        long height = ledger.awaitCommitted(payment.txId(), Duration.ofSeconds(30));

        InvoiceReceipt receipt = as(() -> invoicing.receipt(id));
        assertThat(receipt.payerName()).isEqualTo(patient.fullName());
        assertThat(receipt.payer()).isEqualTo(patient.ledgerAddress());
        assertThat(receipt.payeeName()).isEqualTo(pharmacyName);
        assertThat(receipt.payee()).isEqualTo(fixture.pharmacy());
        assertThat(receipt.total()).isEqualTo(200_000);
        assertThat(receipt.paidBy()).isEqualTo(payment.txId());
        assertThat(receipt.paidInBlock()).isEqualTo(height);
        assertThat(receipt.paidAt()).isEqualTo(java.time.Instant.ofEpochMilli(ledger.locate(payment.txId()).orElseThrow().blockTime()));
        assertThatThrownBy(() -> TestAccounts.as(stranger, () -> invoicing.receipt(id))).isInstanceOf(NotFoundException.class)
                .hasMessage("There is no receipt of invoice " + id.hex().substring(0, 12) + " for you.");
    }

    @Test
    void aReversalRefundsAPaidInvoiceAndTheHistoryAgreesWithTheBalanceEvenRebuiltFromTheChain() throws Exception {
        InvoiceFixture.Dispensed dispensed = fixture.dispense(patient, 2, UNIT_PRICE);
        Hash id = dispensed.invoiceId();
        LedgerReceipt payment = as(() -> invoicing.payInvoice(id));
        ledger.awaitCommitted(payment.txId(), Duration.ofSeconds(30));
        Await.until("the payment is in the history", () -> history().stream().anyMatch(e -> payment.txId().equals(e.txId()) && !e.pending()));
        WalletEntry paidRow = history().stream().filter(e -> payment.txId().equals(e.txId())).findFirst().orElseThrow();
        assertThat(paidRow.amount()).isEqualTo(-200_000);
        assertThat(paidRow.fee()).isEqualTo(fee);
        assertThat(paidRow.counterpartName()).isEqualTo(pharmacyName);
        assertHistoryAddsUpToTheBalance();

        fixture.reverse(dispensed);

        assertThat(invoice(id).state()).isEqualTo(InvoiceState.REFUNDED);
        assertThat(balance(patient.ledgerAddress())).as("the total is back, the fee is not").isEqualTo(TestFunding.ONE_TOKEN - fee);
        Await.until("the refund is in the history", () -> history().stream().anyMatch(e -> "prescriptions.reverse".equals(e.call())));
        WalletEntry refund = history().stream().filter(e -> "prescriptions.reverse".equals(e.call())).findFirst().orElseThrow();
        assertThat(refund.amount()).isEqualTo(200_000);
        assertThat(refund.fee()).isZero();
        assertThat(refund.counterpartName()).isEqualTo(pharmacyName);
        assertHistoryAddsUpToTheBalance();
        assertThat(mine().get(0).status()).startsWith("refunded in block");
        assertThat(as(() -> invoicing.receipt(id)).refundedInBlock()).isPresent();

        // rebuilt later, the effects read the invoice as it is now (REFUNDED) and still find both movements
        List<WalletEntry> before = history();
        jdbc.sql("DELETE FROM wallet_movements WHERE account = :account").param("account", patient.ledgerAddress().toLowerHex()).update();
        jdbc.sql("UPDATE wallet_progress SET applied_height = 0").update();
        feed.catchUpInBackground().get(60, TimeUnit.SECONDS);
        assertThat(history()).containsExactlyInAnyOrderElementsOf(before);
    }

    @Test
    void aReversalCancelsAnOpenInvoiceMovingNothingAndItCanNoLongerBePaid() {
        InvoiceFixture.Dispensed dispensed = fixture.dispense(patient, 2, UNIT_PRICE);

        fixture.reverse(dispensed);

        WalletInvoice cancelled = mine().get(0);
        assertThat(cancelled.status()).startsWith("cancelled in block");
        assertThat(cancelled.payable()).isFalse();
        assertThatThrownBy(() -> as(() -> invoicing.payInvoice(dispensed.invoiceId()))).isInstanceOf(InvoicePaymentException.class)
                .hasMessage("This invoice was cancelled by " + pharmacyName + " in block " + cancelled.settled().orElseThrow().height()
                        + ": there is nothing to pay.");
        assertThat(balance(patient.ledgerAddress())).isEqualTo(TestFunding.ONE_TOKEN);
        assertThat(history()).noneMatch(e -> "prescriptions.reverse".equals(e.call()));
    }

    @Test
    void openInvoicesComeFirstNewestFirst() {
        Hash older = fixture.dispense(patient, 1, UNIT_PRICE).invoiceId();
        Hash paidOne = fixture.dispense(patient, 1, UNIT_PRICE).invoiceId();
        ledger.awaitCommitted(as(() -> invoicing.payInvoice(paidOne)).txId(), Duration.ofSeconds(30));
        Hash newer = fixture.dispense(patient, 1, UNIT_PRICE).invoiceId();

        assertThat(mine()).extracting(WalletInvoice::id).containsExactly(newer, older, paidOne);
    }

    private void assertHistoryAddsUpToTheBalance() {
        long sum = history().stream().filter(e -> !e.pending()).mapToLong(e -> e.amount() - e.fee()).sum();
        assertThat(sum).as("the history's movements less its fees").isEqualTo(balance(patient.ledgerAddress()));
    }

    private List<WalletInvoice> mine() {
        return as(() -> invoicing.myInvoices());
    }

    private List<WalletEntry> history() {
        return as(() -> wallet.myHistory());
    }

    private <T> T as(java.util.function.Supplier<T> action) {
        return TestAccounts.as(patient, action);
    }

    private Invoice invoice(Hash id) {
        return InvoiceQueries.invoice(ledger.committedState(), id).orElseThrow();
    }

    private long balance(Address account) {
        return Tokens.balanceOf(ledger.committedState().view(), account);
    }
}

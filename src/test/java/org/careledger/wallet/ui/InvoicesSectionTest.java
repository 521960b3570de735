package org.careledger.wallet.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.RouterLink;
import org.careledger.Await;
import org.careledger.identity.Role;
import org.careledger.identity.UserProfile;
import org.careledger.ledger.Hash;
import org.careledger.outbox.LedgerOutbox;
import org.careledger.outbox.Signer;
import org.careledger.ui.KaribuTest;
import org.careledger.wallet.InvoiceFixture;
import org.careledger.wallet.TestFunding;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** The Wallet page's invoices as a patient meets them: the open bill, Pay with its confirmation, the receipt, and a refusal beside the bill. */
class InvoicesSectionTest extends KaribuTest {

    private UserProfile patient;
    private InvoiceFixture fixture;

    @BeforeEach
    void aPatientWithOneToken() {
        patient = accounts().active(Role.PATIENT);
        TestFunding.oneToken(ctx, patient);
        fixture = new InvoiceFixture(ctx);
    }

    @Test
    void anOpenInvoiceIsPaidOnceConfirmedThenShowsItsBlockAndAPrintableReceipt() {
        Hash id = fixture.dispense(patient, 2, 100_000).invoiceId();
        String key = id.hex().substring(0, 12);
        openWallet();

        Div row = _get(Div.class, spec -> spec.withId("invoice-" + key));
        assertThat(row.getElement().getTextRecursively()).contains(InvoiceFixture.MEDICINE_NAME + ": 2 × 0.1 = 0.2 tokens")
                .contains("Total 0.2 tokens");
        assertThat(status(key)).isEqualTo("open");
        _click(_get(Button.class, spec -> spec.withId("pay-invoice-" + key)));

        assertThat(_get(Paragraph.class, spec -> spec.withId("pay-dialog-sums")).getText()).isEqualTo("Total 0.2 tokens and a fee of "
                + "0.001: 0.201 tokens leave your wallet, and 0.799 tokens will be left to spend. A payment on the ledger cannot be undone.");
        assertThat(ctx.getBean(LedgerOutbox.class).inFlightOf(Signer.user(patient.id()))).as("nothing paid before the confirmation").isEmpty();
        _click(_get(Button.class, spec -> spec.withId("pay-confirm")));

        assertThat(status(key)).matches("payment pending|paid in block \\d+");
        assertThat(_find(Button.class, spec -> spec.withId("pay-invoice-" + key))).as("no second Pay").isEmpty();
        WalletView view = _get(WalletView.class);
        Await.until("paid in its block", () -> {
            view.invoices.refresh();
            return status(key).startsWith("paid in block");
        });

        RouterLink receipt = _get(RouterLink.class, spec -> spec.withId("receipt-invoice-" + key));
        UI.getCurrent().navigate(receipt.getHref());
        assertThat(_get(Paragraph.class, spec -> spec.withId("receipt-invoice")).getText()).isEqualTo("Invoice: " + id.hex());
        assertThat(_get(Paragraph.class, spec -> spec.withId("receipt-payer")).getText())
                .isEqualTo("Paid by: " + patient.fullName() + " (" + patient.ledgerAddress() + ")");
        assertThat(_get(Paragraph.class, spec -> spec.withId("receipt-total")).getText()).isEqualTo("Total: 0.2 tokens");
        assertThat(_get(NativeTable.class, spec -> spec.withId("receipt-lines")).getElement().getTextRecursively())
                .contains(InvoiceFixture.MEDICINE_NAME).contains("0.1").contains("0.2");
        assertThat(_get(Paragraph.class, spec -> spec.withId("receipt-block")).getText()).startsWith("Block: ");
        assertThat(_get(Button.class, spec -> spec.withId("receipt-print")).getClassNames()).contains("cl-no-print");
    }

    @Test
    void anInvoiceTooDearIsRefusedBesideItWithTheAmountsAndNothingIsPaid() {
        Hash id = fixture.dispense(patient, 3, 500_000).invoiceId();
        String key = id.hex().substring(0, 12);
        openWallet();

        _click(_get(Button.class, spec -> spec.withId("pay-invoice-" + key)));

        assertThat(_find(Button.class, spec -> spec.withId("pay-confirm"))).as("no confirmation").isEmpty();
        assertThat(_get(Paragraph.class, spec -> spec.withId("invoice-error-" + key)).getText()).isEqualTo("This invoice is 1.5 tokens plus "
                + "a fee of 0.001; you can spend 1 token. Nothing was paid: the invoice stays open.");
        assertThat(status(key)).isEqualTo("open");
        assertThat(ctx.getBean(LedgerOutbox.class).inFlightOf(Signer.user(patient.id()))).isEmpty();
    }

    @Test
    void aStrangerOpeningSomeoneElsesReceiptIsToldThereIsNone() {
        Hash id = fixture.dispense(patient, 1, 100_000).invoiceId();
        UserProfile stranger = accounts().active(Role.PATIENT);
        login(stranger.username(), Role.PATIENT);

        UI.getCurrent().navigate("wallet/receipt/" + id.hex());

        assertThat(_get(Paragraph.class, spec -> spec.withId("receipt-error")).getText())
                .isEqualTo("There is no receipt of invoice " + id.hex().substring(0, 12) + " for you.");
        assertThat(_find(Paragraph.class, spec -> spec.withId("receipt-payer"))).isEmpty();
    }

    private void openWallet() {
        login(patient.username(), Role.PATIENT);
        UI.getCurrent().navigate("wallet");
    }

    private static String status(String key) {
        return _get(Span.class, spec -> spec.withId("invoice-status-" + key)).getText();
    }
}

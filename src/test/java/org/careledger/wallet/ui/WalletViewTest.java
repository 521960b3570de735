package org.careledger.wallet.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import org.careledger.Await;
import org.careledger.contracts.Registry;
import org.careledger.contracts.Tokens;
import org.careledger.identity.Role;
import org.careledger.identity.UserProfile;
import org.careledger.ledger.Genesis;
import org.careledger.node.LedgerService;
import org.careledger.outbox.LedgerOutbox;
import org.careledger.outbox.Signer;
import org.careledger.ui.KaribuTest;
import org.careledger.wallet.TestFunding;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

/** The Wallet page as a user meets it: the empty history, the send form's errors, and the confirmation before anything is sent. */
class WalletViewTest extends KaribuTest {

    private UserProfile me;
    private UserProfile friend;
    private LedgerService ledger;

    @BeforeEach
    void aWelcomedUserAndAFriend() {
        ledger = ctx.getBean(LedgerService.class);
        me = accounts().active(Role.PHARMACIST);
        friend = accounts().active(Role.PATIENT);
        TestFunding.oneToken(ctx, me);
        login(me.username(), Role.PHARMACIST);
        UI.getCurrent().navigate("wallet");
    }

    @Test
    void thePageShowsTheBalanceTheAddressItsQrCodeAndWhatTheHistoryWouldHold() {
        WalletView view = _get(WalletView.class);
        assertThat(_get(Span.class, spec -> spec.withId("wallet-balance")).getText()).isEqualTo("1 token");
        assertThat(_get(Div.class, spec -> spec.withId("receive-address")).getText()).isEqualTo(me.ledgerAddress().toString());
        assertThat(_get(Image.class, spec -> spec.withId("receive-qr")).getAlt()).hasValueSatisfying(alt -> assertThat(alt)
                .contains(me.ledgerAddress().toString()));
        assertThat(view.history.getEmptyStateText()).startsWith("Nothing has moved in or out of this wallet yet. Tokens you receive");
        assertThat(view.history.getId()).hasValue("wallet-history");
    }

    @Test
    void aMistypedAddressIsRefusedAsItIsTypedAndABadAmountWhenSending() {
        TextField address = _get(TextField.class, spec -> spec.withId("send-address"));
        _setValue(address, "0x" + "AbC".repeat(13) + "d");
        assertThat(address.isInvalid()).isTrue();
        assertThat(address.getErrorMessage()).startsWith("Address checksum does not match (EIP-55)");

        _setValue(address, friend.ledgerAddress().toString());
        assertThat(address.isInvalid()).isFalse();
        TextField amount = _get(TextField.class, spec -> spec.withId("send-amount"));
        _setValue(amount, "0.0000001");
        _click(_get(Button.class, spec -> spec.withId("send-button")));

        assertThat(amount.isInvalid()).isTrue();
        assertThat(amount.getErrorMessage()).startsWith("At most 6 decimals");
        assertThat(_find(Button.class, spec -> spec.withId("send-confirm"))).as("no confirmation").isEmpty();

        _setValue(amount, "5");
        _click(_get(Button.class, spec -> spec.withId("send-button")));
        assertThat(amount.getErrorMessage()).isEqualTo("You have 1 token to spend; this needs 5.001 including the fee of 0.001");
        assertThat(ctx.getBean(LedgerOutbox.class).inFlightOf(Signer.user(me.id()))).isEmpty();
    }

    @Test
    void aTransferIsSentOnlyOnceConfirmedNamingRecipientAmountAndFee() {
        _setValue(_get(TextField.class, spec -> spec.withId("send-address")), friend.ledgerAddress().toString());
        _setValue(_get(TextField.class, spec -> spec.withId("send-amount")), "0.4");
        _click(_get(Button.class, spec -> spec.withId("send-button")));

        assertThat(_get(Paragraph.class, spec -> spec.withId("send-dialog-recipient")).getText())
                .isEqualTo("To " + friend.fullName() + " (" + friend.ledgerAddress() + ")");
        assertThat(_get(Paragraph.class, spec -> spec.withId("send-dialog-sums")).getText())
                .startsWith("Amount 0.4 tokens, fee 0.001 token: 0.401 tokens leave your wallet.");
        assertThat(ctx.getBean(LedgerOutbox.class).inFlightOf(Signer.user(me.id()))).as("nothing queued before the confirmation").isEmpty();

        _click(_get(Button.class, spec -> spec.withId("send-confirm")));

        WalletView view = _get(WalletView.class);
        assertThat(view.sendForm.status.getText()).matches("Your transfer is (pending|in block \\d+)\\.");
        assertThat(_get(Span.class, spec -> spec.withId("wallet-spendable")).getText()).satisfiesAnyOf(
                text -> assertThat(text).isEqualTo("0.599 tokens to spend while 0.401 tokens are on their way out."),
                text -> assertThat(text).isEqualTo("All of it is yours to spend."));
        Await.until("mined", () -> {
            view.sendForm.showStatus();
            return view.sendForm.status.getText().startsWith("Your transfer is in block");
        });
    }
}

package org.careledger.wallet.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import org.careledger.common.TokenAmount;
import org.careledger.common.ui.FieldErrors;
import org.careledger.common.ui.ServiceCalls;
import org.careledger.outbox.LedgerReceipt;
import org.careledger.wallet.InvalidTransferException;
import org.careledger.wallet.TransferQuote;
import org.careledger.wallet.WalletService;

/**
 * "Send tokens": an address checked as it is typed, an amount, then a dialog naming the recipient,
 * the amount and the fee before anything is queued; after sending, the transfer's status, pending
 * at once and "in block N" once mined.
 */
class SendTokensForm extends Div {

    final TextField address = new TextField("Recipient's address");
    final TextField amount = new TextField("Amount");
    final Button send = new Button("Send tokens…");
    final Span status = new Span();
    Dialog confirmation;

    private final WalletService wallet;
    private final Runnable afterSend;
    private final FieldErrors errors;
    private LedgerReceipt sent;

    SendTokensForm(WalletService wallet, Runnable afterSend) {
        this.wallet = wallet;
        this.afterSend = afterSend;
        setId("send-form");
        address.setId("send-address");
        address.setPlaceholder("0x…");
        address.setHelperText("An EIP-55 address: mixed case must match its checksum");
        address.setValueChangeMode(ValueChangeMode.LAZY);
        address.addValueChangeListener(e -> checkAddress());
        address.setWidthFull();
        amount.setId("send-amount");
        amount.setSuffixComponent(new Span("tokens"));
        amount.setHelperText("Up to 6 decimals, plus the transfer fee");
        ServiceCalls.attempt(() -> amount.setHelperText("Up to 6 decimals, plus the transfer fee of " + TokenAmount.format(wallet.transferFee())
                + " token"), new FieldErrors());
        send.setId("send-button");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.addClickListener(click -> confirm());
        status.setId("send-status");
        errors = new FieldErrors().bind(InvalidTransferException.TO, address).bind(InvalidTransferException.AMOUNT, amount);
        FormLayout form = new FormLayout(address, amount);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("600px", 2));
        add(new H3("Send tokens"), form, send, status);
    }

    private void checkAddress() {
        if (address.getValue().isBlank()) {
            address.setInvalid(false);
            return;
        }
        ServiceCalls.attempt(() -> wallet.checkRecipient(address.getValue()), new FieldErrors().bind(InvalidTransferException.TO, address));
    }

    /** Checks the transfer as the service will, then asks the person to confirm it. */
    private void confirm() {
        ServiceCalls.attempt(() -> {
            TransferQuote quote = wallet.quote(address.getValue(), amount.getValue());
            confirmation = confirmationOf(quote);
            confirmation.open();
        }, errors);
    }

    private Dialog confirmationOf(TransferQuote quote) {
        Dialog dialog = new Dialog();
        dialog.setId("send-dialog");
        dialog.setHeaderTitle("Send " + TokenAmount.format(quote.amount()) + " tokens?");
        Paragraph to = new Paragraph("To " + quote.recipient());
        to.setId("send-dialog-recipient");
        Paragraph sums = new Paragraph("Amount " + TokenAmount.format(quote.amount()) + " tokens, fee " + TokenAmount.format(quote.fee())
                + " token: " + TokenAmount.format(quote.total()) + " tokens leave your wallet. A transfer on the ledger cannot be undone.");
        sums.setId("send-dialog-sums");
        dialog.add(to, sums);
        Button yes = new Button("Send", click -> {
            dialog.close();
            sendNow();
        });
        yes.setId("send-confirm");
        yes.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button("Cancel", click -> dialog.close());
        cancel.setId("send-cancel");
        dialog.getFooter().add(cancel, yes);
        return dialog;
    }

    private void sendNow() {
        if (ServiceCalls.attempt(() -> sent = wallet.send(address.getValue(), amount.getValue()), errors)) {
            address.clear();
            amount.clear();
            address.setInvalid(false);
            showStatus();
            afterSend.run();
        }
    }

    /** Updates the status of the last transfer sent; true while it waits for a block. */
    boolean showStatus() {
        if (sent == null) {
            return false;
        }
        String where = sent.txId() == null ? "queued" : wallet.whereIs(sent.txId());
        status.setText("Your transfer is " + where + ".");
        return !where.startsWith("in block");
    }
}

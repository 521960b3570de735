package org.careledger.wallet.ui;

import java.io.ByteArrayInputStream;

import jakarta.annotation.security.RolesAllowed;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import org.careledger.common.TokenAmount;
import org.careledger.common.ui.BrowserTime;
import org.careledger.common.ui.FieldErrors;
import org.careledger.common.ui.LedgerPolling;
import org.careledger.common.ui.ResponsiveGrid;
import org.careledger.common.ui.ServiceCalls;
import org.careledger.identity.AppRoles;
import org.careledger.identity.PatientQrCodes;
import org.careledger.wallet.Invoicing;
import org.careledger.wallet.WalletBalance;
import org.careledger.wallet.WalletEntry;
import org.careledger.wallet.WalletService;

/**
 * Every user's wallet: the balance, the invoices to pay, a form to send tokens, the address and its
 * QR code to receive them, and the history of what moved. Refreshes itself while a transaction of
 * the user's waits for a block.
 */
@Route("wallet")
@PageTitle("Wallet · CareLedger")
@Menu(order = 80, title = "Wallet", icon = "vaadin:wallet")
@RolesAllowed({AppRoles.ADMIN, AppRoles.DOCTOR, AppRoles.PATIENT, AppRoles.PHARMACIST})
class WalletView extends VerticalLayout {

    final Span balance = new Span();
    final Span spendable = new Span();
    final ResponsiveGrid<WalletEntry> history = new ResponsiveGrid<>();
    final SendTokensForm sendForm;
    final InvoicesSection invoices;

    private final WalletService wallet;
    private final LedgerPolling polling;

    WalletView(WalletService wallet, Invoicing invoicing) {
        this.wallet = wallet;
        setId("wallet");
        this.polling = new LedgerPolling(this, this::refresh);
        this.sendForm = new SendTokensForm(wallet, this::refresh);
        this.invoices = new InvoicesSection(invoicing, this::refresh);
        FlexLayout cards = new FlexLayout(createBalanceCard(), createReceiveCard());
        cards.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        cards.getStyle().set("gap", "var(--lumo-space-l)");
        add(new H2("Wallet"), cards, invoices, sendForm, new H3("History"), createHistory());
        refresh();
    }

    private Div createBalanceCard() {
        balance.setId("wallet-balance");
        balance.getStyle().set("font-size", "var(--lumo-font-size-xxl)");
        spendable.setId("wallet-spendable");
        Div card = new Div(new H3("Balance"), balance, new Paragraph(spendable));
        card.setId("wallet-balance-card");
        return card;
    }

    private Div createReceiveCard() {
        String address = wallet.myAddress().toString();
        Div shown = new Div(address);
        shown.setId("receive-address");
        shown.getStyle().set("font-family", "monospace").set("word-break", "break-all");
        Button copy = new Button("Copy", VaadinIcon.COPY.create(), click -> {
            click.getSource().getUI().ifPresent(ui -> ui.getPage().executeJs("navigator.clipboard.writeText($0)", address));
            FieldErrors.Notifications.success("Address copied");
        });
        copy.setId("receive-copy");
        copy.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        byte[] png = PatientQrCodes.png(address);
        Image qr = new Image(DownloadHandler.fromInputStream(event -> new DownloadResponse(new ByteArrayInputStream(png),
                "careledger-address.png", "image/png", png.length)), "QR code of your address " + address);
        qr.setId("receive-qr");
        qr.setWidth("200px");
        qr.setMaxWidth("100%");
        qr.getStyle().set("display", "block");
        Div card = new Div(new H3("Receive"), new Paragraph("Anyone can send you tokens at this address:"), shown, new Div(copy), qr);
        card.setId("receive-card");
        card.setMaxWidth("26rem");
        return card;
    }

    private ResponsiveGrid<WalletEntry> createHistory() {
        history.setId("wallet-history");
        history.text("When", e -> e.time() == null ? "now" : BrowserTime.format(e.time()));
        history.text("Block", WalletEntry::where);
        history.text("Counterpart", WalletView::counterpart);
        history.text("Amount", e -> signed(e.amount()));
        history.text("Fee", e -> e.fee() == 0 ? "" : TokenAmount.format(e.fee()));
        history.setEmptyStateText("Nothing has moved in or out of this wallet yet. Tokens you receive (your welcome tokens from the "
                + "treasury, a transfer) and tokens you send or pay in fees appear here, each with its block.");
        history.setAllRowsVisible(true);
        return history;
    }

    static String counterpart(WalletEntry e) {
        if (e.counterpartName() != null) {
            return (e.amount() < 0 ? "to " : e.amount() > 0 ? "from " : "") + e.counterpartName();
        }
        return "ledger fee (" + e.call() + ")";
    }

    /** "+1.5", "−0.25", "0". */
    static String signed(long amount) {
        return amount > 0 ? "+" + TokenAmount.format(amount) : amount < 0 ? "−" + TokenAmount.format(-amount) : "0";
    }

    private void refresh() {
        boolean[] waiting = {false};
        ServiceCalls.attempt(() -> {
            WalletBalance now = wallet.myBalance();
            balance.setText(new TokenAmount(now.balance()).toString());
            spendable.setText(now.pendingOut() == 0 ? "All of it is yours to spend."
                    : TokenAmount.format(now.spendable()) + " tokens to spend while " + TokenAmount.format(now.pendingOut())
                    + " tokens are on their way out.");
            history.setItems(wallet.myHistory());
            waiting[0] = now.pendingOut() > 0 || history.getListDataView().getItems().anyMatch(WalletEntry::pending);
        }, new FieldErrors());
        boolean sendWaiting = sendForm != null && sendForm.showStatus();
        boolean paymentWaiting = invoices != null && invoices.refresh();
        polling.pendingIf(waiting[0] || sendWaiting || paymentWaiting);
    }
}

package org.careledger.wallet.ui;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import org.careledger.common.NotFoundException;
import org.careledger.common.OperationNotAllowedException;
import org.careledger.ledger.Hash;
import org.careledger.node.LedgerUnavailableException;
import org.careledger.wallet.InvoiceLine;
import org.careledger.wallet.Invoicing;
import org.careledger.wallet.PaymentQuote;
import org.careledger.common.TokenAmount;
import org.careledger.wallet.WalletInvoice;

/**
 * "Invoices": what the user has been billed, open ones first with a Pay button that asks to confirm
 * the total, the fee and what is left to spend; a payment on its way shows "payment pending" until
 * its block, then "paid in block N" with a link to the printable receipt. A refusal is shown next to
 * the invoice it concerns.
 */
class InvoicesSection extends Div {

    final Div list = new Div();
    Dialog confirmation;

    private final Invoicing invoicing;
    private final Runnable afterPay;
    /** The last refusal of each invoice's payment, shown beside it until the next attempt. */
    private final Map<Hash, String> refusals = new HashMap<>();

    InvoicesSection(Invoicing invoicing, Runnable afterPay) {
        this.invoicing = invoicing;
        this.afterPay = afterPay;
        setId("wallet-invoices");
        setWidthFull();
        list.getStyle().set("display", "flex").set("flex-direction", "column").set("gap", "var(--lumo-space-s)");
        add(new H3("Invoices"), list);
    }

    /** Shows the invoices as they stand now; true while a payment of one waits for its block. */
    boolean refresh() {
        list.removeAll();
        List<WalletInvoice> invoices;
        try {
            invoices = invoicing.myInvoices();
        } catch (OperationNotAllowedException | LedgerUnavailableException e) {
            list.add(new Paragraph(e.getMessage()));
            return false;
        }
        if (invoices.isEmpty()) {
            Paragraph empty = new Paragraph("No invoices. When a pharmacy dispenses a prescription of yours, its bill appears here "
                    + "for you to pay from this wallet.");
            empty.setId("wallet-invoices-empty");
            list.add(empty);
        }
        invoices.forEach(invoice -> list.add(createRow(invoice)));
        return invoices.stream().anyMatch(WalletInvoice::paymentPending);
    }

    private Div createRow(WalletInvoice invoice) {
        String key = invoice.shortId();
        Div row = new Div();
        row.setId("invoice-" + key);
        row.addClassName("cl-card");
        Span title = new Span("Invoice " + key + " from " + invoice.payeeName());
        title.getStyle().set("font-weight", "600");
        Div lines = new Div();
        invoice.lines().forEach(line -> lines.add(new Div(describe(line))));
        Span total = new Span("Total " + new TokenAmount(invoice.total()));
        total.setId("invoice-total-" + key);
        Span status = new Span(invoice.status());
        status.setId("invoice-status-" + key);
        status.getElement().getThemeList().add(invoice.payable() ? "badge" : invoice.paymentPending() ? "badge contrast" : "badge success");
        Div actions = new Div(total, new Span(" "), status);
        actions.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("align-items", "center").set("gap", "var(--lumo-space-m)");
        if (invoice.payable()) {
            Button pay = new Button("Pay…", click -> confirm(invoice));
            pay.setId("pay-invoice-" + key);
            pay.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            actions.add(pay);
        }
        if (invoice.hasReceipt()) {
            RouterLink receipt = new RouterLink("Receipt", ReceiptView.class, new RouteParameters(ReceiptView.INVOICE_ID, invoice.id().hex()));
            receipt.setId("receipt-invoice-" + key);
            actions.add(receipt);
        }
        row.add(title, lines, actions);
        String refusal = refusals.get(invoice.id());
        if (refusal != null) {
            Paragraph error = new Paragraph(refusal);
            error.setId("invoice-error-" + key);
            error.getStyle().set("color", "var(--lumo-error-text-color)");
            row.add(error);
        }
        return row;
    }

    /** "Amoxicillin 250 MG Oral Capsule: 10 × 1.25 = 12.5 tokens". */
    static String describe(InvoiceLine line) {
        return line.name() + ": " + line.quantity() + " × " + TokenAmount.format(line.unitPrice()) + " = "
                + new TokenAmount(line.amount());
    }

    /** Checks the payment as the service will, then asks the person to confirm it. */
    private void confirm(WalletInvoice invoice) {
        attempt(invoice.id(), () -> {
            PaymentQuote quote = invoicing.quotePayment(invoice.id());
            confirmation = confirmationOf(invoice, quote);
            confirmation.open();
        });
    }

    private Dialog confirmationOf(WalletInvoice invoice, PaymentQuote quote) {
        Dialog dialog = new Dialog();
        dialog.setId("pay-dialog");
        dialog.setHeaderTitle("Pay invoice " + invoice.shortId() + "?");
        Paragraph to = new Paragraph("To " + quote.payeeName());
        Paragraph sums = new Paragraph("Total " + new TokenAmount(quote.total()) + " and a fee of " + TokenAmount.format(quote.fee())
                + ": " + new TokenAmount(quote.cost()) + " leave your wallet, and " + new TokenAmount(quote.spendableAfter())
                + " will be left to spend. A payment on the ledger cannot be undone.");
        sums.setId("pay-dialog-sums");
        dialog.add(to, sums);
        Button yes = new Button("Pay", click -> {
            dialog.close();
            attempt(invoice.id(), () -> invoicing.payInvoice(invoice.id()));
            afterPay.run();
        });
        yes.setId("pay-confirm");
        yes.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button("Cancel", click -> dialog.close());
        cancel.setId("pay-cancel");
        dialog.getFooter().add(cancel, yes);
        return dialog;
    }

    /** Runs {@code action} for the invoice; a refusal is kept to be shown beside it, and the list shown again. */
    private void attempt(Hash invoiceId, Runnable action) {
        refusals.remove(invoiceId);
        try {
            action.run();
        } catch (OperationNotAllowedException | NotFoundException | LedgerUnavailableException e) {
            refusals.put(invoiceId, e.getMessage());
            refresh();
        }
    }
}

package org.careledger.wallet.ui;

import jakarta.annotation.security.RolesAllowed;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import org.careledger.common.NotFoundException;
import org.careledger.common.OperationNotAllowedException;
import org.careledger.common.ui.BrowserTime;
import org.careledger.identity.AppRoles;
import org.careledger.ledger.Hash;
import org.careledger.node.LedgerUnavailableException;
import org.careledger.wallet.InvoiceLine;
import org.careledger.wallet.InvoiceReceipt;
import org.careledger.wallet.Invoicing;
import org.careledger.common.TokenAmount;

/**
 * The printable receipt of a paid invoice: who paid whom, the lines, the total, and the transaction
 * that paid it with its block and time. Only the payer or the payee sees it: the service refuses
 * anyone else. Printing leaves out the portal's navigation (the theme's print styles).
 */
@Route("wallet/receipt/:" + ReceiptView.INVOICE_ID)
@PageTitle("Receipt · CareLedger")
@RolesAllowed({AppRoles.ADMIN, AppRoles.DOCTOR, AppRoles.PATIENT, AppRoles.PHARMACIST})
class ReceiptView extends VerticalLayout implements BeforeEnterObserver {

    static final String INVOICE_ID = "invoiceId";

    final Div content = new Div();
    private final Invoicing invoicing;

    ReceiptView(Invoicing invoicing) {
        this.invoicing = invoicing;
        setId("wallet-receipt");
        addClassName("cl-receipt");
        RouterLink back = new RouterLink("Back to the wallet", WalletView.class);
        back.addClassName("cl-no-print");
        add(back, content);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        content.removeAll();
        Hash id;
        try {
            id = Hash.fromHex(event.getRouteParameters().get(INVOICE_ID).orElse(""));
        } catch (IllegalArgumentException e) {
            showError("This is not an invoice's id: it is 64 hexadecimal characters.");
            return;
        }
        try {
            show(invoicing.receipt(id));
        } catch (NotFoundException | OperationNotAllowedException | LedgerUnavailableException e) {
            showError(e.getMessage());
        }
    }

    private void showError(String message) {
        Paragraph error = new Paragraph(message);
        error.setId("receipt-error");
        content.add(new H2("Receipt"), error);
    }

    private void show(InvoiceReceipt receipt) {
        content.add(new H2("Receipt"),
                field("receipt-invoice", "Invoice", receipt.invoiceId().hex()),
                field("receipt-payer", "Paid by", receipt.payerName() + " (" + receipt.payer() + ")"),
                field("receipt-payee", "Paid to", receipt.payeeName() + " (" + receipt.payee() + ")"),
                createLines(receipt),
                field("receipt-total", "Total", new TokenAmount(receipt.total()).toString()),
                field("receipt-transaction", "Transaction", receipt.paidBy().hex()),
                field("receipt-block", "Block", receipt.paidInBlock() + ", " + BrowserTime.format(receipt.paidAt())));
        receipt.refundedInBlock().ifPresent(height -> content.add(field("receipt-refunded", "Refunded", "in block " + height)));
        Button print = new Button("Print", VaadinIcon.PRINT.create(),
                click -> click.getSource().getUI().ifPresent(ui -> ui.getPage().executeJs("window.print()")));
        print.setId("receipt-print");
        print.addClassName("cl-no-print");
        content.add(print);
    }

    private static NativeTable createLines(InvoiceReceipt receipt) {
        NativeTable table = new NativeTable();
        table.setId("receipt-lines");
        table.addClassName("cl-receipt-lines");
        NativeTableRow head = table.getHead().addRow();
        for (String header : new String[] {"Item", "Quantity", "Unit price", "Amount"}) {
            head.addHeaderCell().setText(header);
        }
        for (InvoiceLine line : receipt.lines()) {
            NativeTableRow row = table.getBody().addRow();
            row.addDataCell().setText(line.name());
            row.addDataCell().setText(Long.toString(line.quantity()));
            row.addDataCell().setText(TokenAmount.format(line.unitPrice()));
            row.addDataCell().setText(TokenAmount.format(line.amount()));
        }
        return table;
    }

    private static Paragraph field(String id, String label, String value) {
        Paragraph p = new Paragraph(label + ": " + value);
        p.setId(id);
        p.getStyle().set("overflow-wrap", "anywhere").set("margin", "var(--lumo-space-xs) 0");
        return p;
    }
}

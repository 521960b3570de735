package org.careledger.explorer.ui;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import org.careledger.common.TokenAmount;
import org.careledger.common.ui.ResponsiveGrid;
import org.careledger.common.ui.ServiceCalls;
import org.careledger.explorer.AccountDetails;
import org.careledger.explorer.AccountExplorer;
import org.careledger.explorer.ExplorerSearch;
import org.careledger.explorer.TxRow;
import org.careledger.identity.AppRoles;

/** One account: balance, nonce, role and name where the viewer may read them, and its transactions, a page at a time. */
@Route("explorer/address")
@PageTitle("Account · CareLedger")
@RolesAllowed({AppRoles.ADMIN, AppRoles.DOCTOR, AppRoles.PATIENT, AppRoles.PHARMACIST})
class AddressView extends VerticalLayout implements HasUrlParameter<String> {

    final H2 title = new H2("Account");
    final Div fields = new Div();
    final ResponsiveGrid<TxRow> transactions = ExplorerUi.txGrid("address-transactions", "No transactions concern this account yet.");
    final Button newest = new Button("Newest");
    final Button older = new Button("Older");
    private final AccountExplorer accounts;
    private String address;
    private String next;

    AddressView(AccountExplorer accounts, ExplorerSearch search) {
        this.accounts = accounts;
        setId("explorer-address");
        fields.setId("address-fields");
        newest.setId("address-newest");
        newest.addClickListener(e -> show(null));
        older.setId("address-older");
        older.addClickListener(e -> show(next));
        add(ExplorerUi.header(title, search), fields, new H3("Transactions"), transactions, new HorizontalLayout(newest, older));
    }

    @Override
    public void setParameter(BeforeEvent event, String address) {
        this.address = address;
        clear();
        show(null);
    }

    /** Vaadin keeps this view when a link leads from one account to another: nothing of the one before stays. */
    private void clear() {
        next = null;
        title.setText("Account");
        fields.removeAll();
        transactions.setItems(List.of());
        older.setEnabled(false);
        newest.setEnabled(false);
    }

    private void show(String cursor) {
        ServiceCalls.attempt(() -> {
            AccountDetails a = accounts.account(address, cursor);
            title.setText(a.account().name() == null ? "Account" : a.account().name());
            fields.removeAll();
            Span shown = ExplorerUi.mono(a.account().address().toString());
            shown.setId("address-value");
            fields.add(ExplorerUi.field("Address", shown), ExplorerUi.field("Balance", balance(a)),
                    ExplorerUi.field("Nonce", new Span(a.nonce() + " (transactions sent)")),
                    ExplorerUi.field("Role on chain", new Span(a.chainRole() == null ? "not registered" : a.chainRole())),
                    ExplorerUi.field("Transactions", new Span(String.valueOf(a.transactionCount()))));
            if (a.devIndex() != null) {
                fields.add(ExplorerUi.field("Dev account", new Span(String.valueOf(a.devIndex()))));
            }
            transactions.setItems(a.transactions().items());
            next = a.transactions().next();
            older.setEnabled(next != null);
            newest.setEnabled(cursor != null);
        }, null);
    }

    private static Span balance(AccountDetails a) {
        Span span = new Span(TokenAmount.format(a.balance()) + " tokens");
        span.setId("address-balance");
        return span;
    }
}

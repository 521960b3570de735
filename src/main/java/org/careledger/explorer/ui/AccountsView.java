package org.careledger.explorer.ui;

import jakarta.annotation.security.RolesAllowed;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import org.careledger.common.TokenAmount;
import org.careledger.common.ui.ResponsiveGrid;
import org.careledger.common.ui.ServiceCalls;
import org.careledger.explorer.AccountExplorer;
import org.careledger.explorer.DevAccount;
import org.careledger.explorer.ExplorerSearch;
import org.careledger.identity.AppRoles;

/**
 * The chain's genesis accounts as Ganache shows them: index, address, balance, transaction count and,
 * on the dev chain only, each one's private key behind "Show key", marked as a public test key.
 */
@Route("explorer/accounts")
@PageTitle("Accounts · CareLedger")
@Menu(order = 96, title = "Ledger accounts", icon = "vaadin:key")
@RolesAllowed({AppRoles.ADMIN, AppRoles.DOCTOR, AppRoles.PHARMACIST})
class AccountsView extends VerticalLayout {

    static final String TEST_KEY_WARNING = "public test key — never use on a real chain";

    final ResponsiveGrid<DevAccount> grid = new ResponsiveGrid<>();
    private final AccountExplorer accounts;

    AccountsView(AccountExplorer accounts, ExplorerSearch search) {
        this.accounts = accounts;
        setId("explorer-accounts");
        grid.setId("dev-accounts");
        grid.text("Index", a -> String.valueOf(a.index()));
        grid.component("Address", a -> ExplorerUi.addressLink(a.account()));
        grid.text("Balance", a -> TokenAmount.format(a.balance()) + " tokens");
        grid.text("Transactions", a -> String.valueOf(a.transactionCount()));
        grid.actions("Key", this::keyCell);
        grid.setEmptyStateText("This chain's genesis funds no accounts.");
        grid.setAllRowsVisible(true);
        Paragraph intro = new Paragraph();
        add(ExplorerUi.header(new H2("Accounts"), search), intro, grid);
        ServiceCalls.attempt(() -> {
            intro.setText(accounts.isDevGenesis()
                    ? "The dev chain's ten funded accounts, as Ganache lists them. Their keys are public test keys, known to anyone."
                    : "The accounts this chain's genesis funded.");
            grid.setItems(accounts.genesisAccounts());
        }, null);
    }

    private Component keyCell(DevAccount a) {
        if (!a.keyAvailable()) {
            return new Span();
        }
        Div cell = new Div();
        Button show = new Button("Show key");
        show.setId("show-key-" + a.index());
        show.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        show.addClickListener(click -> ServiceCalls.attempt(() -> {
            Span key = ExplorerUi.mono(accounts.devKey(a.index()));
            key.setId("dev-key-" + a.index());
            Span warning = new Span(TEST_KEY_WARNING);
            warning.getStyle().set("color", "var(--lumo-error-text-color)").set("font-weight", "600");
            cell.removeAll();
            cell.add(new Div(warning), new Div(key));
        }, null));
        cell.add(show);
        return cell;
    }
}

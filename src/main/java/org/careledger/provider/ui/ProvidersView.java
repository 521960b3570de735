package org.careledger.provider.ui;

import java.util.Map;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import org.careledger.common.InvalidInputException;
import org.careledger.common.NotFoundException;
import org.careledger.common.ui.FieldErrors;
import org.careledger.common.ui.ResponsiveGrid;
import org.careledger.provider.ProviderAccount;
import org.careledger.provider.ProviderKind;
import org.careledger.provider.ProviderLedgerAccounts;
import org.careledger.provider.ProviderView;
import org.careledger.provider.Providers;

/** The consortium's hospitals and pharmacies, each with its ledger account and balance: list, add and edit. */
@Route("admin/providers")
@PageTitle("Providers · CareLedger")
@Menu(order = 3, title = "Providers", icon = "vaadin:hospital")
@RolesAllowed("ADMIN")
class ProvidersView extends VerticalLayout {

    static final String EMPTY = "No hospitals or pharmacies yet. Add the consortium's first provider below: "
            + "doctors register with a hospital and pharmacists with a pharmacy.";

    /** Shown for a provider whose ledger account is being opened (at the first start after an upgrade). */
    static final String NO_ACCOUNT = "Being opened";

    private final Providers providers;
    private final ProviderLedgerAccounts ledgerAccounts;
    private Map<Long, ProviderAccount> accounts = Map.of();
    final ResponsiveGrid<ProviderView> grid = new ResponsiveGrid<>();
    final TextField name = new TextField("Name");
    final Select<ProviderKind> kind = new Select<>();
    final TextField address = new TextField("Address");
    private final H3 formTitle = new H3("Add a provider");
    private final FieldErrors errors = new FieldErrors();
    private ProviderView editing;

    ProvidersView(Providers providers, ProviderLedgerAccounts ledgerAccounts) {
        this.providers = providers;
        this.ledgerAccounts = ledgerAccounts;
        setId("providers-view");
        configureGrid();
        name.setId("provider-name");
        name.setHelperText("Letters, spaces, apostrophes, periods and hyphens, as St. Mary's General Hospital");
        kind.setId("provider-kind");
        kind.setLabel("Kind");
        kind.setItems(ProviderKind.values());
        kind.setItemLabelGenerator(ProviderKind::label);
        address.setId("provider-address");
        errors.bind("name", name).bind("kind", kind).bind("address", address);
        Button save = new Button("Save", click -> save());
        save.setId("provider-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button clear = new Button("New", click -> edit(null));
        clear.setId("provider-new");
        add(new H2("Healthcare providers"), grid, formTitle, new FormLayout(name, kind, address), new HorizontalLayout(save, clear));
        refresh();
    }

    private void configureGrid() {
        grid.setId("providers-grid");
        grid.text("Name", ProviderView::name);
        grid.text("Kind", p -> p.kind().label());
        grid.text("Address", ProviderView::address);
        grid.text("Ledger account", p -> account(p).map(a -> a.address().toString()).orElse(NO_ACCOUNT));
        grid.text("Balance (tokens)", p -> account(p).map(ProviderAccount::balanceInTokens).orElse("—"));
        grid.actions("", p -> {
            Button edit = new Button("Edit", click -> edit(p));
            edit.setId("edit-provider-" + p.id());
            edit.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            edit.setAriaLabel("Edit " + p.name());
            return edit;
        });
        grid.asSingleSelect().addValueChangeListener(e -> {
            if (e.getValue() != null) {
                edit(e.getValue());
            }
        });
        grid.setEmptyStateText(EMPTY);
        grid.setAllRowsVisible(true);
    }

    private void edit(ProviderView provider) {
        editing = provider;
        errors.clear();
        formTitle.setText(provider == null ? "Add a provider" : "Edit " + provider.name());
        name.setValue(provider == null ? "" : provider.name());
        kind.setValue(provider == null ? null : provider.kind());
        address.setValue(provider == null ? "" : provider.address());
        if (provider == null) {
            grid.deselectAll();
        }
        name.focus();
    }

    private void save() {
        ProviderView saved;
        try {
            saved = editing == null
                    ? providers.create(name.getValue(), kind.getValue(), address.getValue())
                    : providers.update(editing.id(), name.getValue(), kind.getValue(), address.getValue());
        } catch (InvalidInputException invalid) {
            errors.show(invalid);
            return;
        } catch (NotFoundException gone) {
            FieldErrors.Notifications.error(gone.getMessage());
            edit(null);
            refresh();
            return;
        }
        FieldErrors.Notifications.success("Saved " + saved.name());
        edit(null);
        refresh();
    }

    private Optional<ProviderAccount> account(ProviderView provider) {
        return Optional.ofNullable(accounts.get(provider.id()));
    }

    private void refresh() {
        accounts = ledgerAccounts.accounts();
        grid.setItems(providers.all());
    }
}

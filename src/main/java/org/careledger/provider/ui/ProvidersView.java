package org.careledger.provider.ui;

import jakarta.annotation.security.RolesAllowed;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
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
import org.careledger.provider.ProviderKind;
import org.careledger.provider.ProviderView;
import org.careledger.provider.Providers;

/** The consortium's hospitals and pharmacies: list, add and edit. */
@Route("admin/providers")
@PageTitle("Providers · CareLedger")
@Menu(order = 3, title = "Providers", icon = "vaadin:hospital")
@RolesAllowed("ADMIN")
class ProvidersView extends VerticalLayout {

    private final Providers providers;
    final Grid<ProviderView> grid = new Grid<>(ProviderView.class, false);
    final TextField name = new TextField("Name");
    final Select<ProviderKind> kind = new Select<>();
    final TextField address = new TextField("Address");
    private final H3 formTitle = new H3("Add a provider");
    private final FieldErrors errors = new FieldErrors();
    private ProviderView editing;

    ProvidersView(Providers providers) {
        this.providers = providers;
        setId("providers-view");
        grid.setId("providers-grid");
        grid.addColumn(ProviderView::name).setHeader("Name").setAutoWidth(true);
        grid.addColumn(p -> p.kind().label()).setHeader("Kind").setAutoWidth(true);
        grid.addColumn(ProviderView::address).setHeader("Address").setAutoWidth(true);
        grid.asSingleSelect().addValueChangeListener(e -> edit(e.getValue()));
        grid.setAllRowsVisible(true);
        name.setId("provider-name");
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
        add(new H2("Healthcare providers"), grid, formTitle, new FormLayout(name, kind, address), new HorizontalLayout(save, clear));
        refresh();
    }

    private void edit(ProviderView provider) {
        editing = provider;
        errors.clear();
        formTitle.setText(provider == null ? "Add a provider" : "Edit " + provider.name());
        name.setValue(provider == null ? "" : provider.name());
        kind.setValue(provider == null ? null : provider.kind());
        address.setValue(provider == null ? "" : provider.address());
    }

    private void save() {
        try {
            if (editing == null) {
                providers.create(name.getValue(), kind.getValue(), address.getValue());
            } else {
                providers.update(editing.id(), name.getValue(), kind.getValue(), address.getValue());
            }
        } catch (InvalidInputException invalid) {
            errors.show(invalid);
            return;
        } catch (NotFoundException gone) {
            FieldErrors.Notifications.error(gone.getMessage());
        }
        FieldErrors.Notifications.success("Saved " + name.getValue().strip());
        edit(null);
        refresh();
    }

    private void refresh() {
        grid.setItems(providers.all());
    }
}

package org.careledger.pharmacy.ui;

import java.util.List;
import java.util.Locale;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.careledger.common.InvalidInputException;
import org.careledger.common.NotFoundException;
import org.careledger.common.ui.BrowserTime;
import org.careledger.common.ui.FieldErrors;
import org.careledger.common.ui.ResponsiveGrid;
import org.careledger.identity.AppRoles;
import org.careledger.pharmacy.CatalogueMedicine;
import org.careledger.pharmacy.MedicineCatalogue;

/**
 * The medicine catalogue, for admins: find a medicine by name or code, set its price per unit, and
 * withdraw it (it stays listed for the prescriptions that name it, but cannot be newly prescribed)
 * or make it available again.
 */
@Route("admin/medicines")
@PageTitle("Medicines · CareLedger")
@Menu(order = 6, title = "Medicines", icon = "vaadin:pill")
@RolesAllowed(AppRoles.ADMIN)
class MedicinesView extends VerticalLayout {

    static final String EMPTY = "No medicines yet. The catalogue is filled from the bundled one shortly after the portal's "
            + "first start; reload the page in a moment.";
    static final String NONE_FOUND = "No medicine's name or RxNorm code holds what you typed.";

    private final MedicineCatalogue catalogue;
    final TextField filter = new TextField();
    final ResponsiveGrid<CatalogueMedicine> grid = new ResponsiveGrid<>();
    private final Paragraph summary = new Paragraph();

    MedicinesView(MedicineCatalogue catalogue) {
        this.catalogue = catalogue;
        setId("medicines-view");
        filter.setId("medicine-filter");
        filter.setLabel("Find a medicine");
        filter.setPlaceholder("Name or RxNorm code");
        filter.setHelperText("For example amoxicillin, or 308182");
        filter.setClearButtonVisible(true);
        filter.setValueChangeMode(ValueChangeMode.LAZY);
        filter.setWidthFull();
        filter.setMaxWidth("32rem");
        filter.addValueChangeListener(e -> refresh());
        summary.setId("medicines-summary");
        configureGrid();
        add(new H2("Medicines"), new Paragraph("Prices are per unit, in tokens (1 token = 1 US dollar of Synthea's base cost). "
                + "A pharmacy sells at these prices unless it sets its own; the price is fixed into the invoice when a "
                + "prescription is dispensed, so a change here alters no invoice already raised."), filter, summary, grid);
        refresh();
    }

    private void configureGrid() {
        grid.setId("medicines-grid");
        grid.text("RxNorm", m -> m.code().value());
        grid.text("Medicine", CatalogueMedicine::name);
        grid.text("Price per unit", m -> m.unitPrice().format() + " tokens");
        grid.text("Status", m -> m.withdrawn() ? "Withdrawn " + BrowserTime.format(m.withdrawnAt()) : "Available");
        grid.actions("", m -> {
            Button price = new Button("Price", click -> openPriceDialog(m));
            price.setId("price-" + m.code().value());
            price.setAriaLabel("Change the price of " + m.name());
            price.addThemeVariants(ButtonVariant.LUMO_SMALL);
            Button status = m.withdrawn()
                    ? new Button("Reinstate", click -> act(() -> catalogue.reinstate(m.code()), m.name() + " can be prescribed again"))
                    : new Button("Withdraw", click -> act(() -> catalogue.withdraw(m.code()), m.name() + " was withdrawn: it can no longer be newly prescribed"));
            status.setId((m.withdrawn() ? "reinstate-" : "withdraw-") + m.code().value());
            status.setAriaLabel((m.withdrawn() ? "Reinstate " : "Withdraw ") + m.name());
            status.addThemeVariants(ButtonVariant.LUMO_SMALL, m.withdrawn() ? ButtonVariant.LUMO_TERTIARY : ButtonVariant.LUMO_ERROR);
            return new HorizontalLayout(price, status);
        });
        grid.setEmptyStateText(EMPTY);
    }

    private void openPriceDialog(CatalogueMedicine medicine) {
        Dialog dialog = new Dialog();
        dialog.setId("price-dialog");
        dialog.setHeaderTitle("Price of " + medicine.name());
        dialog.setWidth("min(32rem, 95vw)");
        dialog.setMaxWidth("95vw");
        TextField price = new TextField("Tokens per unit");
        price.setId("price-field");
        price.setValue(medicine.unitPrice().format().replace(",", ""));
        price.setHelperText("Up to 6 decimals; at most " + String.format(Locale.ROOT, "%,d", MedicineCatalogue.MAX_PRICE_TOKENS) + " tokens");
        price.setWidthFull();
        FieldErrors errors = new FieldErrors().bind("price", price);
        Button save = new Button("Save price", click -> {
            try {
                CatalogueMedicine saved = catalogue.setPrice(medicine.code(), price.getValue());
                dialog.close();
                FieldErrors.Notifications.success(saved.name() + " now costs " + saved.unitPrice() + " a unit");
                refresh();
            } catch (InvalidInputException invalid) {
                errors.show(invalid);
            }
        });
        save.setId("price-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button("Cancel", click -> dialog.close());
        dialog.add(price);
        dialog.getFooter().add(cancel, save);
        dialog.open();
        price.focus();
    }

    private void act(Runnable action, String done) {
        try {
            action.run();
            FieldErrors.Notifications.success(done);
        } catch (NotFoundException gone) {
            FieldErrors.Notifications.error(gone.getMessage());
        }
        refresh();
    }

    private void refresh() {
        String text = filter.getValue().strip().toLowerCase(Locale.ROOT);
        List<CatalogueMedicine> all = catalogue.all();
        List<CatalogueMedicine> shown = text.isEmpty() ? all : all.stream()
                .filter(m -> m.name().toLowerCase(Locale.ROOT).contains(text) || m.code().value().contains(text)).toList();
        grid.setEmptyStateText(all.isEmpty() ? EMPTY : NONE_FOUND);
        grid.setItems(shown);
        long withdrawn = all.stream().filter(CatalogueMedicine::withdrawn).count();
        summary.setText(text.isEmpty()
                ? all.size() + " medicines, " + withdrawn + " of them withdrawn"
                : shown.size() + " of " + all.size() + " medicines match");
    }
}

package org.careledger.pharmacy.ui;

import java.util.List;
import java.util.Locale;
import java.util.Map;

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
import org.careledger.common.OperationNotAllowedException;
import org.careledger.common.TokenAmount;
import org.careledger.common.ui.FieldErrors;
import org.careledger.common.ui.ResponsiveGrid;
import org.careledger.identity.AppRoles;
import org.careledger.pharmacy.CatalogueMedicine;
import org.careledger.pharmacy.MedicineCatalogue;
import org.careledger.pharmacy.RxNormCode;

/**
 * A pharmacist's price list: each medicine's catalogue price and the price their own pharmacy sells
 * it at, if it set one; they set or clear their pharmacy's price here. The price is fixed into an
 * invoice when a prescription is dispensed.
 */
@Route("pharmacist/prices")
@PageTitle("Prices · CareLedger")
@Menu(order = 3, title = "Prices", icon = "vaadin:money")
@RolesAllowed(AppRoles.PHARMACIST)
class PharmacyPricesView extends VerticalLayout {

    static final String EMPTY = "No medicines yet. The catalogue is filled shortly after the portal's first start; "
            + "reload the page in a moment.";

    /** A medicine with the price the pharmacy sells it at: its own, or null for the catalogue's. */
    record Priced(CatalogueMedicine medicine, TokenAmount own) {

        TokenAmount sellsAt() {
            return own != null ? own : medicine.unitPrice();
        }
    }

    private final MedicineCatalogue catalogue;
    final TextField filter = new TextField();
    final ResponsiveGrid<Priced> grid = new ResponsiveGrid<>();
    private final Paragraph summary = new Paragraph();

    PharmacyPricesView(MedicineCatalogue catalogue) {
        this.catalogue = catalogue;
        setId("pharmacy-prices-view");
        filter.setId("price-filter");
        filter.setLabel("Find a medicine");
        filter.setPlaceholder("Name or RxNorm code");
        filter.setClearButtonVisible(true);
        filter.setValueChangeMode(ValueChangeMode.LAZY);
        filter.setWidthFull();
        filter.setMaxWidth("32rem");
        filter.addValueChangeListener(e -> refresh());
        summary.setId("prices-summary");
        configureGrid();
        add(new H2("Prices"), new Paragraph("Your pharmacy sells each medicine at the catalogue's price per unit unless you "
                + "set its own here. The price is fixed into the invoice when you dispense, so a change alters no invoice "
                + "already raised."), filter, summary, grid);
        refresh();
    }

    private void configureGrid() {
        grid.setId("prices-grid");
        grid.text("RxNorm", p -> p.medicine().code().value());
        grid.text("Medicine", p -> p.medicine().name() + (p.medicine().withdrawn() ? " (withdrawn)" : ""));
        grid.text("Catalogue price", p -> p.medicine().unitPrice() + "");
        grid.text("Your pharmacy's price", p -> p.own() == null ? "The catalogue's" : p.own().toString());
        grid.actions("", p -> {
            RxNormCode code = p.medicine().code();
            Button set = new Button("Set price", click -> openPriceDialog(p));
            set.setId("own-price-" + code.value());
            set.setAriaLabel("Set your pharmacy's price of " + p.medicine().name());
            set.addThemeVariants(ButtonVariant.LUMO_SMALL);
            HorizontalLayout buttons = new HorizontalLayout(set);
            if (p.own() != null) {
                Button clear = new Button("Use catalogue's", click -> act(() -> catalogue.clearOwnPrice(code),
                        "Your pharmacy sells " + p.medicine().name() + " at the catalogue's price again"));
                clear.setId("clear-price-" + code.value());
                clear.setAriaLabel("Sell " + p.medicine().name() + " at the catalogue's price");
                clear.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
                buttons.add(clear);
            }
            return buttons;
        });
        grid.setEmptyStateText(EMPTY);
    }

    private void openPriceDialog(Priced priced) {
        Dialog dialog = new Dialog();
        dialog.setId("own-price-dialog");
        dialog.setHeaderTitle("Your price of " + priced.medicine().name());
        dialog.setWidth("min(32rem, 95vw)");
        dialog.setMaxWidth("95vw");
        TextField price = new TextField("Tokens per unit");
        price.setId("own-price-field");
        price.setValue(priced.sellsAt().format().replace(",", ""));
        price.setHelperText("The catalogue's is " + priced.medicine().unitPrice() + "; up to 6 decimals");
        price.setWidthFull();
        FieldErrors errors = new FieldErrors().bind("price", price);
        Button save = new Button("Save price", click -> {
            try {
                TokenAmount saved = catalogue.setOwnPrice(priced.medicine().code(), price.getValue());
                dialog.close();
                FieldErrors.Notifications.success("Your pharmacy sells " + priced.medicine().name() + " at " + saved + " a unit");
                refresh();
            } catch (InvalidInputException invalid) {
                errors.show(invalid);
            }
        });
        save.setId("own-price-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(price);
        dialog.getFooter().add(new Button("Cancel", click -> dialog.close()), save);
        dialog.open();
        price.focus();
    }

    private void act(Runnable action, String done) {
        try {
            action.run();
            FieldErrors.Notifications.success(done);
        } catch (NotFoundException | OperationNotAllowedException refused) {
            FieldErrors.Notifications.error(refused.getMessage());
        }
        refresh();
    }

    private void refresh() {
        String text = filter.getValue().strip().toLowerCase(Locale.ROOT);
        Map<RxNormCode, TokenAmount> own = catalogue.ownPrices();
        List<CatalogueMedicine> all = catalogue.all();
        List<Priced> shown = all.stream()
                .filter(m -> text.isEmpty() || m.name().toLowerCase(Locale.ROOT).contains(text) || m.code().value().contains(text))
                .map(m -> new Priced(m, own.get(m.code()))).toList();
        grid.setEmptyStateText(all.isEmpty() ? EMPTY : MedicinesView.NONE_FOUND);
        grid.setItems(shown);
        summary.setText((text.isEmpty() ? all.size() + " medicines" : shown.size() + " of " + all.size() + " medicines match")
                + "; your pharmacy sets its own price for " + own.size());
    }
}

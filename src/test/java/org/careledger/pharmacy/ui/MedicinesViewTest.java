package org.careledger.pharmacy.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import org.careledger.Await;
import org.careledger.identity.DemoAccounts;
import org.careledger.identity.Role;
import org.careledger.identity.TestAccounts;
import org.careledger.pharmacy.CatalogueMedicine;
import org.careledger.pharmacy.MedicineCatalogue;
import org.careledger.pharmacy.RxNormCode;
import org.careledger.ui.KaribuTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.github.mvysny.kaributesting.v10.GridKt._fetch;
import static com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

/** The admin's medicine page: find a medicine, change its price (refused at the field when wrong), withdraw it and reinstate it. */
class MedicinesViewTest extends KaribuTest {

    private static final RxNormCode IBUPROFEN = RxNormCode.of("198405"); // Ibuprofen 100 MG Oral Tablet

    @Autowired
    MedicineCatalogue catalogue;

    MedicinesView view;
    private String priceBefore;

    @BeforeEach
    void openAsAdmin() {
        Await.until("the catalogue is filled", java.time.Duration.ofSeconds(60), () -> !catalogue.all().isEmpty());
        priceBefore = catalogue.find(IBUPROFEN).orElseThrow().unitPrice().format().replace(",", "");
        login(DemoAccounts.ADMIN.username(), Role.ADMIN);
        UI.getCurrent().navigate("admin/medicines");
        view = _get(MedicinesView.class);
    }

    @AfterEach
    void putItBack() {
        TestAccounts.as(DemoAccounts.ADMIN.username(), Role.ADMIN, () -> {
            catalogue.reinstate(IBUPROFEN);
            return catalogue.setPrice(IBUPROFEN, priceBefore);
        });
    }

    private CatalogueMedicine onlyRow() {
        assertThat(_size(view.grid)).isEqualTo(1);
        return _fetch(view.grid, 0, 1).get(0);
    }

    @SuppressWarnings("unchecked")
    private Button button(CatalogueMedicine row, String id) {
        ComponentRenderer<HorizontalLayout, CatalogueMedicine> renderer = (ComponentRenderer<HorizontalLayout, CatalogueMedicine>)
                view.grid.getColumns().stream().filter(c -> c.isFrozenToEnd()).findFirst().orElseThrow().getRenderer();
        return _get(renderer.createComponent(row), Button.class, spec -> spec.withId(id));
    }

    @Test
    void typingACodeFindsItsMedicineWithItsPriceAndStatus() {
        _setValue(view.filter, "198405");

        CatalogueMedicine row = onlyRow();
        assertThat(_getFormattedRow(view.grid, 0)).startsWith("198405", "Ibuprofen 100 MG Oral Tablet",
                row.unitPrice().format() + " tokens", "Available");
        assertThat(_get(com.vaadin.flow.component.html.Paragraph.class, spec -> spec.withId("medicines-summary")).getText())
                .isEqualTo("1 of " + catalogue.all().size() + " medicines match");

        _setValue(view.filter, "no such medicine");
        assertThat(_size(view.grid)).isZero();
        assertThat(view.grid.getEmptyStateText()).isEqualTo(MedicinesView.NONE_FOUND);
    }

    @Test
    void aPriceIsChangedInItsDialogAndAWrongOneIsRefusedAtTheField() {
        _setValue(view.filter, "198405");
        _click(button(onlyRow(), "price-198405"));
        TextField price = _get(TextField.class, spec -> spec.withId("price-field"));

        _setValue(price, "1.0000001");
        _click(_get(Button.class, spec -> spec.withId("price-save")));
        assertThat(price.isInvalid()).isTrue();
        assertThat(price.getErrorMessage()).startsWith("At most 6 decimals");

        _setValue(price, "3.25");
        _click(_get(Button.class, spec -> spec.withId("price-save")));
        assertThat(catalogue.find(IBUPROFEN).orElseThrow().unitPrice().baseUnits()).isEqualTo(3_250_000L);
        assertThat(_getFormattedRow(view.grid, 0)).contains("3.25 tokens");
    }

    @Test
    void withdrawingShowsItAsWithdrawnAndItsButtonThenReinstatesIt() {
        _setValue(view.filter, "198405");
        _click(button(onlyRow(), "withdraw-198405"));

        assertThat(catalogue.find(IBUPROFEN).orElseThrow().withdrawn()).isTrue();
        assertThat(_getFormattedRow(view.grid, 0).get(3)).startsWith("Withdrawn ");

        _click(button(onlyRow(), "reinstate-198405"));
        assertThat(catalogue.find(IBUPROFEN).orElseThrow().withdrawn()).isFalse();
        assertThat(_getFormattedRow(view.grid, 0).get(3)).isEqualTo("Available");
    }
}

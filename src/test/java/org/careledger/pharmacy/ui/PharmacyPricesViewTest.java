package org.careledger.pharmacy.ui;

import java.time.Duration;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import org.careledger.Await;
import org.careledger.identity.DemoAccounts;
import org.careledger.identity.Role;
import org.careledger.identity.TestAccounts;
import org.careledger.identity.UserDirectory;
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

/**
 * The pharmacist's price list: their pharmacy's own price set in a dialog (a wrong one refused at
 * the field), used for their pharmacy only, and cleared back to the catalogue's.
 */
class PharmacyPricesViewTest extends KaribuTest {

    private static final RxNormCode NAPROXEN = RxNormCode.of("198014"); // Naproxen 500 MG Oral Tablet

    @Autowired
    MedicineCatalogue catalogue;
    @Autowired
    UserDirectory directory;

    PharmacyPricesView view;

    @BeforeEach
    void openAsThePharmacist() {
        Await.until("the catalogue is filled", Duration.ofSeconds(60), () -> !catalogue.all().isEmpty());
        login(DemoAccounts.PHARMACIST.username(), Role.PHARMACIST);
        UI.getCurrent().navigate("pharmacist/prices");
        view = _get(PharmacyPricesView.class);
        _setValue(view.filter, NAPROXEN.value());
    }

    @AfterEach
    void backToTheCataloguesPrice() {
        TestAccounts.as(DemoAccounts.PHARMACIST.username(), Role.PHARMACIST, () -> {
            catalogue.clearOwnPrice(NAPROXEN);
            return null;
        });
    }

    private PharmacyPricesView.Priced onlyRow() {
        assertThat(_size(view.grid)).isEqualTo(1);
        return _fetch(view.grid, 0, 1).get(0);
    }

    @SuppressWarnings("unchecked")
    private Button button(String id) {
        ComponentRenderer<HorizontalLayout, PharmacyPricesView.Priced> renderer = (ComponentRenderer<HorizontalLayout, PharmacyPricesView.Priced>)
                view.grid.getColumns().stream().filter(c -> c.isFrozenToEnd()).findFirst().orElseThrow().getRenderer();
        return _get(renderer.createComponent(onlyRow()), Button.class, spec -> spec.withId(id));
    }

    private long pharmacy() {
        return directory.findByUsername(DemoAccounts.PHARMACIST.username()).orElseThrow().providerId();
    }

    @Test
    void thePharmacySetsItsOwnPriceWhichOnlyItSellsAtAndThenGoesBackToTheCatalogues() {
        String catalogued = catalogue.find(NAPROXEN).orElseThrow().unitPrice().toString();
        assertThat(_getFormattedRow(view.grid, 0)).containsSubsequence(catalogued, "The catalogue's");

        _click(button("own-price-198014"));
        TextField price = _get(TextField.class, spec -> spec.withId("own-price-field"));
        _setValue(price, "-3");
        _click(_get(Button.class, spec -> spec.withId("own-price-save")));
        assertThat(price.getErrorMessage()).isEqualTo("An amount cannot be negative");
        _setValue(price, "42.5");
        _click(_get(Button.class, spec -> spec.withId("own-price-save")));

        assertThat(_getFormattedRow(view.grid, 0)).containsSubsequence(catalogued, "42.5 tokens");
        assertThat(catalogue.priceAt(pharmacy(), NAPROXEN).baseUnits()).isEqualTo(42_500_000L);
        assertThat(catalogue.priceAt(pharmacy() + 1_000, NAPROXEN).toString()).as("another pharmacy").isEqualTo(catalogued);

        _click(button("clear-price-198014"));
        assertThat(_getFormattedRow(view.grid, 0)).contains("The catalogue's");
        assertThat(catalogue.priceAt(pharmacy(), NAPROXEN).toString()).isEqualTo(catalogued);
    }
}

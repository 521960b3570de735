package org.careledger.provider.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import org.careledger.identity.DemoAccounts;
import org.careledger.identity.Role;
import org.careledger.Await;
import org.careledger.provider.ProviderAccount;
import org.careledger.provider.ProviderKind;
import org.careledger.provider.ProviderLedgerAccounts;
import org.careledger.provider.ProviderView;
import org.careledger.provider.Providers;
import org.careledger.ui.KaribuTest;
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

class ProvidersViewTest extends KaribuTest {

    @Autowired
    Providers providers;

    @Autowired
    ProviderLedgerAccounts accounts;

    ProvidersView view;

    @BeforeEach
    void openAsAdmin() {
        login(DemoAccounts.ADMIN.username(), Role.ADMIN);
        UI.getCurrent().navigate("admin/providers");
        view = _get(ProvidersView.class);
    }

    @Test
    void markupAsAProvidersNameIsRefusedAtTheNameFieldAndNothingIsStored() {
        int before = providers.all().size();
        _setValue(view.name, "<img src=x onerror=alert(1)>");
        _setValue(view.kind, ProviderKind.PHARMACY);
        _setValue(view.address, "1 Test Road");

        _click(_get(Button.class, spec -> spec.withId("provider-save")));

        assertThat(view.name.isInvalid()).isTrue();
        assertThat(view.name.getErrorMessage()).isEqualTo("Use letters, spaces, apostrophes, periods and hyphens only");
        assertThat(view.address.isInvalid()).isFalse();
        assertThat(providers.all()).hasSize(before).extracting(ProviderView::name).doesNotContain("<img src=x onerror=alert(1)>");
    }

    @Test
    void eachProviderReadsNameFirstAndHasAnEditButtonThatFillsTheForm() {
        ProviderView first = _fetch(view.grid, 0, _size(view.grid)).get(0);
        assertThat(_getFormattedRow(view.grid, 0)).startsWith(first.name(), first.kind().label(), first.address());

        Button edit = editButton(first);
        assertThat(edit.getId()).contains("edit-provider-" + first.id());
        _click(edit);

        assertThat(view.name.getValue()).isEqualTo(first.name());
        assertThat(view.kind.getValue()).isEqualTo(first.kind());
        assertThat(view.grid.getEmptyStateText()).startsWith("No hospitals or pharmacies yet.");
    }

    @Test
    void eachProvidersLedgerAccountAndItsBalanceInTokensAreShownBesideIt() {
        ProviderView pharmacy = providers.ofKind(ProviderKind.PHARMACY).get(0);
        ProviderAccount account = accounts.accounts().get(pharmacy.id());
        assertThat(account).as("the demo pharmacy's account was opened with it").isNotNull();
        Await.until("the pharmacy's float is in a block", () -> accounts.accounts().get(pharmacy.id()).balance().orElse(0) > 0);
        ProviderAccount funded = accounts.accounts().get(pharmacy.id());
        UI.getCurrent().navigate("admin");
        UI.getCurrent().navigate("admin/providers");
        view = _get(ProvidersView.class);

        int row = _fetch(view.grid, 0, _size(view.grid)).indexOf(pharmacy);
        assertThat(_getFormattedRow(view.grid, row)).containsSequence(pharmacy.address(), funded.address().toString(), funded.balanceInTokens());
        assertThat(funded.balanceInTokens()).matches("[\\d,]+(\\.\\d{1,6})?");
    }

    /** The row's button, as the actions column (frozen to the grid's right edge) renders it. */
    @SuppressWarnings("unchecked")
    private Button editButton(ProviderView provider) {
        Grid.Column<ProviderView> actions = view.grid.getColumns().stream().filter(Grid.Column::isFrozenToEnd).findFirst().orElseThrow();
        return ((ComponentRenderer<Button, ProviderView>) actions.getRenderer()).createComponent(provider);
    }
}

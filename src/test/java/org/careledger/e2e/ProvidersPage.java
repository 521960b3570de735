package org.careledger.e2e;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/** The admin's "Healthcare providers" ({@code /admin/providers}, ProvidersView): each provider with its ledger account and balance. */
final class ProvidersPage extends PageObject {

    ProvidersPage(WebDriver driver, String baseUrl) {
        super(driver, baseUrl);
    }

    ProvidersPage open() {
        open("admin/providers");
        byId("providers-view");
        present(By.id("providers-grid"));
        return this;
    }

    /** The balance, in base units, of the provider whose ledger account is {@code accountAddress} (columns: name, kind, address, account, balance). */
    long balanceOfAccount(String accountAddress) {
        var row = wait.until(d -> {
            var cells = GridRows.rowWithCell(d, "providers-grid", accountAddress);
            return cells.size() > 4 ? cells : null;
        });
        return TokenText.baseUnits(row.get(4));
    }
}

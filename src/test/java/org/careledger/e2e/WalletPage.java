package org.careledger.e2e;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * A user's wallet ({@code /wallet}, WalletView): the balance, the invoices to pay (rows
 * {@code invoice-<first 12 hex of its id>}) with their confirmation dialog, and the history of what moved.
 */
final class WalletPage extends PageObject {

    WalletPage(WebDriver driver, String baseUrl) {
        super(driver, baseUrl);
    }

    WalletPage open() {
        open("wallet");
        byId("wallet");
        present(By.id("wallet-invoices"));
        return this;
    }

    /**
     * The balance shown, in base units. It is scrolled into view first, as a person scrolls up to it
     * after paying: out of the content's scrolled area, the browser reports it hidden and its text empty.
     */
    long balance() {
        return TokenText.baseUnits(wait.until(d -> {
            WebElement balance = present(By.id("wallet-balance"));
            js("arguments[0].scrollIntoView({block: 'center'})", balance);
            String shown = balance.getText().strip();
            return shown.isEmpty() ? null : shown;
        }));
    }

    /** Waits (the page refreshes itself while a payment is on its way) until the balance shown is {@code baseUnits}. */
    WalletPage awaitBalance(long baseUnits) {
        wait.until(d -> balance() == baseUnits);
        return this;
    }

    /** The short id (first 12 hex digits) of the only invoice listed, once one is. */
    String onlyInvoice() {
        WebElement row = visible(By.cssSelector("#wallet-invoices .cl-card[id^='invoice-']"));
        return row.getDomAttribute("id").substring("invoice-".length());
    }

    /** The invoice's card: who bills it, its lines ("name: 2 × 0.91 = 1.82 tokens"), total and status. */
    String invoiceText(String key) {
        return byId("invoice-" + key).getText();
    }

    long invoiceTotal(String key) {
        return TokenText.baseUnits(byId("invoice-total-" + key).getText());
    }

    String invoiceStatus(String key) {
        return byId("invoice-status-" + key).getText().strip();
    }

    /** Presses Pay… and returns the confirmation's sums ("Total … and a fee of …: … leave your wallet, …"), leaving the dialog open. */
    String askToPay(String key) {
        clickScrolledIntoView(byId("pay-invoice-" + key));
        return byId("pay-dialog-sums").getText().strip();
    }

    /** Confirms the payment asked for, and waits until the invoice's status reads {@code regex} (payment pending, then paid in block N). */
    WalletPage confirmPayment(String key, String regex) {
        clickScrolledIntoView(byId("pay-confirm"));
        wait.until(d -> invoiceStatus(key).matches(regex));
        return this;
    }

    boolean offersReceipt(String key) {
        return isPresent(By.id("receipt-invoice-" + key));
    }

    /** The history's row whose counterpart reads {@code counterpart} ("to St. Elsewhere Pharmacy"): when, block, counterpart, amount, fee. */
    List<String> historyRow(String counterpart) {
        return wait.until(d -> {
            List<String> row = GridRows.rowWithCell(d, "wallet-history", counterpart);
            return row.isEmpty() ? null : row;
        });
    }
}

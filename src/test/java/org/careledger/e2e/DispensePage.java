package org.careledger.e2e;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * One prescription as the pharmacist dispenses it ({@code /pharmacist/prescriptions/<id>},
 * DispenseView): its details, the pharmacy's unit price, the dispensing form, and the fills with
 * their invoices, which the page polls every two seconds while one is open.
 */
final class DispensePage extends PageObject {

    private static final Pattern UNIT_PRICE = Pattern.compile("sells a unit at ([\\d,.]+) tokens");

    DispensePage(WebDriver driver, String baseUrl) {
        super(driver, baseUrl);
    }

    DispensePage waitUntilOpened() {
        waitUntilUrlContains("pharmacist/prescriptions/");
        byId("dispense-view");
        byId("dispense-details");
        return this;
    }

    String detailsText() {
        return byId("dispense-details").getText();
    }

    /** The price of a unit the page announces, in base units. */
    long unitPrice() {
        String text = wait.until(d -> {
            String shown = byId("dispense-price").getText();
            return shown.isBlank() ? null : shown;
        });
        Matcher m = UNIT_PRICE.matcher(text);
        if (!m.find()) {
            throw new AssertionError("the dispense page shows no unit price: \"" + text + "\"");
        }
        return TokenText.baseUnits(m.group(1));
    }

    /** The quantity the form proposes (what one fill may dispense). */
    long proposedQuantity() {
        return Long.parseLong(String.valueOf(js("return arguments[0].value", visible(By.cssSelector("#dispense-quantity input")))));
    }

    /**
     * Dispenses with the pack's batch and expiry, and waits for the fill's row. The expiry is set as
     * the date picker's ISO value: the text a person types depends on the browser's date format.
     */
    DispensePage dispense(long quantity, String batch, LocalDate packExpiry) {
        type("dispense-quantity", Long.toString(quantity));
        type("dispense-batch", batch);
        js("arguments[0].value = arguments[1]", byId("dispense-expiry"), packExpiry.toString());
        wait.until(d -> packExpiry.toString().equals(js("return arguments[0].value", byId("dispense-expiry"))));
        clickScrolledIntoView(byId("dispense-submit"));
        fillStatus();
        return this;
    }

    /** The status of the (first) fill, once it shows one; read again if the polled grid re-rendered it meanwhile. */
    String fillStatus() {
        return wait.until(d -> present(By.cssSelector("#dispense-fills [id^='fill-status-']")).getText().strip());
    }

    /** Waits (the page polls) until the fill's status matches {@code regex}; returns it. */
    String awaitFillStatus(String regex) {
        return wait.until(d -> {
            String status = fillStatus();
            return status.matches(regex) ? status : null;
        });
    }

    /** The fill's row: quantity, pack, invoice total, invoice id, status, by whom. */
    List<String> fillRow() {
        return wait.until(d -> GridRows.rowOf(driver, present(By.cssSelector("#dispense-fills [id^='fill-status-']"))));
    }
}

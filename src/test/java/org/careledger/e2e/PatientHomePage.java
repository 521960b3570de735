package org.careledger.e2e;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** A patient's home ({@code /patient}): profile, ledger address and QR code. */
final class PatientHomePage extends PageObject {

    PatientHomePage(WebDriver driver, String baseUrl) {
        super(driver, baseUrl);
    }

    PatientHomePage waitUntilShown() {
        byId("patient-home");
        return this;
    }

    String ledgerAddress() {
        return byId("ledger-address").getText().strip();
    }

    /** Waits until the QR image has really loaded and returns its natural width in pixels (0 if it broke). */
    long qrImageWidth() {
        WebElement img = byId("patient-qr");
        wait.until(d -> Boolean.TRUE.equals(js("return arguments[0].complete", img)));
        Object width = js("return arguments[0].naturalWidth", img);
        return width instanceof Number n ? n.longValue() : 0;
    }

    String qrImageSource() {
        return byId("patient-qr").getAttribute("src");
    }

    boolean qrPresent() {
        return !driver.findElements(By.id("patient-qr")).isEmpty();
    }
}

package org.careledger.e2e;

import java.util.Base64;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The patient's "My prescriptions" ({@code /patient/prescriptions}, MyPrescriptionsView): the active
 * and past prescriptions, and an active one's one-time QR code in a dialog.
 */
final class MyPrescriptionsPage extends PageObject {

    MyPrescriptionsPage(WebDriver driver, String baseUrl) {
        super(driver, baseUrl);
    }

    MyPrescriptionsPage open() {
        open("patient/prescriptions");
        byId("my-prescriptions");
        present(By.id("active-prescriptions"));
        return this;
    }

    /** The active prescription's row (medicine, state, directions, quantity, prescriber, valid until, fills), once it shows {@code state}. */
    List<String> awaitActive(String medicineName, String state) {
        return wait.until(d -> {
            List<String> row = GridRows.rowWithCell(d, "active-prescriptions", medicineName);
            return row.size() > 1 && row.get(1).equals(state) ? row : null;
        });
    }

    /** Opens the QR code of the (only) active prescription that offers one. */
    QrDialog showQrCode() {
        clickScrolledIntoView(visible(By.cssSelector("#active-prescriptions vaadin-button[id^='rx-qr-']")));
        return new QrDialog();
    }

    /** The dialog with the prescription's QR code and, under it, the code's text. */
    final class QrDialog {

        private QrDialog() {
            WebElement image = byId("rx-qr-image");
            wait.until(d -> Boolean.TRUE.equals(js("return arguments[0].complete && arguments[0].naturalWidth > 0", image)));
        }

        String payload() {
            return byId("rx-qr-payload").getText().strip();
        }

        /** The image's bytes, fetched through the browser's session as the page fetched them. */
        byte[] imageBytes() {
            Object base64 = ((JavascriptExecutor) driver).executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    fetch(arguments[0].src, {credentials: 'same-origin'})
                        .then(r => r.ok ? r.blob() : Promise.reject(r.status))
                        .then(b => new Promise(ok => { const f = new FileReader(); f.onload = () => ok(f.result); f.readAsDataURL(b); }))
                        .then(url => done(url.substring(url.indexOf(',') + 1)), e => done(''));
                    """, byId("rx-qr-image"));
            String text = String.valueOf(base64);
            if (text.isEmpty()) {
                throw new AssertionError("the QR code's image could not be fetched");
            }
            return Base64.getDecoder().decode(text);
        }

        MyPrescriptionsPage close() {
            byId("rx-qr-close").click();
            wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("rx-qr-image")));
            return MyPrescriptionsPage.this;
        }
    }
}

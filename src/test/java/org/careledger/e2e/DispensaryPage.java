package org.careledger.e2e;

import java.nio.file.Path;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * The pharmacist's home, the dispensary ({@code /pharmacist}, DispensaryView): the scanner (a photo
 * of the patient's QR code, or its text) and the pharmacy's work queue.
 */
final class DispensaryPage extends PageObject {

    DispensaryPage(WebDriver driver, String baseUrl) {
        super(driver, baseUrl);
    }

    DispensaryPage open() {
        open("pharmacist");
        byId("pharmacist-home");
        present(By.id("dispensary-queue"));
        return this;
    }

    /** Uploads a photo of the prescription's QR code; the scanner opens that prescription's dispense page. */
    DispensePage scanPhoto(Path image) {
        fileInputOf(present(By.id("scan-upload"))).sendKeys(image.toAbsolutePath().toString());
        return new DispensePage(driver, baseUrl).waitUntilOpened();
    }

    /** The queue's row of this patient's prescription, once shown: patient, medicine, state, quantity, valid until, fills. */
    List<String> queueRow(String patientName) {
        return wait.until(d -> {
            List<String> row = GridRows.rowWithCell(d, "dispensary-queue", patientName);
            return row.isEmpty() ? null : row;
        });
    }

    /** Opens a prescription from the work queue by its Open button ({@code queue-open-<first 8 of its id>}). */
    DispensePage openFromQueue(String shortId) {
        clickScrolledIntoView(byId("queue-open-" + shortId));
        return new DispensePage(driver, baseUrl).waitUntilOpened();
    }
}

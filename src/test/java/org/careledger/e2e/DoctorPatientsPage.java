package org.careledger.e2e;

import java.nio.file.Path;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** The doctor's "My patients" ({@code /doctor/patients}): find a patient by QR upload or address, ask for access. */
final class DoctorPatientsPage extends PageObject {

    DoctorPatientsPage(WebDriver driver, String baseUrl) {
        super(driver, baseUrl);
    }

    DoctorPatientsPage open() {
        open("doctor/patients");
        byId("doctor-patients");
        return this;
    }

    /** Sends an image file to the QR upload's file input (inside the upload's shadow root) and waits for the look-up. */
    DoctorPatientsPage uploadQrCode(Path png) {
        fileInputOf(present(By.id("patient-code-upload"))).sendKeys(png.toAbsolutePath().toString());
        byId("patient-lookup");
        wait.until(d -> !lookupAddress().isEmpty());
        return this;
    }

    DoctorPatientsPage findByAddress(String address) {
        type("patient-address-field", address);
        clickScrolledIntoView(byId("find-patient-button"));
        byId("patient-lookup");
        return this;
    }

    String lookupAddress() {
        return present(By.id("lookup-address")).getText().strip();
    }

    String lookupState() {
        return byId("lookup-state").getText().strip();
    }

    /** The text of the whole look-up panel: what the doctor learns about the patient. */
    String lookupPanelText() {
        return byId("patient-lookup").getText();
    }

    /** Ticks the categories by their labels ("diagnosis", "allergy"), then sends the request. */
    DoctorPatientsPage requestAccess(String... categories) {
        WebElement group = byId("request-categories");
        for (String label : categories) {
            WebElement box = group.findElements(By.cssSelector("vaadin-checkbox")).stream()
                    .filter(c -> c.getText().strip().equals(label)).findFirst()
                    .orElseThrow(() -> new AssertionError("no category checkbox " + label));
            clickScrolledIntoView(box);
            wait.until(d -> box.getDomAttribute("checked") != null);
        }
        clickScrolledIntoView(byId("request-access-button"));
        wait.until(d -> lookupState().startsWith("Request pending"));
        return this;
    }

    String requestReceipt() {
        return byId("request-receipt").getText().strip();
    }
}

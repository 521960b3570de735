package org.careledger.e2e;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** A patient's record as the doctor sees it ({@code /doctor/patients/<address>}). */
final class DoctorRecordPage extends PageObject {

    DoctorRecordPage(WebDriver driver, String baseUrl) {
        super(driver, baseUrl);
    }

    /** Opens the record; shows either the record or the consent-required message. */
    DoctorRecordPage openFor(String patientAddress) {
        open("doctor/patients/" + patientAddress);
        byId("doctor-record");
        wait.until(d -> isPresent(By.id("record-grid")) || isPresent(By.id("consent-required")));
        return this;
    }

    boolean showsRecord() {
        return isPresent(By.id("record-grid"));
    }

    String recordText() {
        return gridText("record-grid");
    }

    String consentRequiredMessage() {
        return byId("consent-required").getText().strip();
    }

    boolean offersEmergency() {
        return isPresent(By.id("declare-emergency-button"));
    }

    /** Adds a coded diagnosis (the category and code system a grant for diagnoses opens with) and waits for it among the doctor's entries. */
    DoctorRecordPage addDiagnosis(String code, String display, String note) {
        type("entry-code", code);
        type("entry-display", display);
        type("entry-text", note);
        clickScrolledIntoView(byId("add-entry-button"));
        wait.until(d -> myEntriesText().contains(display));
        return this;
    }

    /** Opens the emergency dialog and cancels it; true if it showed its confirm button. */
    boolean openAndCancelEmergencyDialog() {
        clickScrolledIntoView(byId("declare-emergency-button"));
        boolean shown = byId("emergency-confirm-button").isDisplayed();
        driver.findElement(By.tagName("body")).sendKeys(Keys.ESCAPE);
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("emergency-confirm-button")));
        return shown;
    }

    String myEntriesText() {
        return gridText("my-entries-grid");
    }
}

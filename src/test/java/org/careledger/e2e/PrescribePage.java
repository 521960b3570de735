package org.careledger.e2e;

import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The doctor's Prescribe page ({@code /doctor/prescribe/<address>}, PrescribeView), reached from the
 * patient's record by its Prescribe button: the form, and the grid of the prescriptions this doctor
 * wrote for the patient with their state on the ledger.
 */
final class PrescribePage extends PageObject {

    PrescribePage(WebDriver driver, String baseUrl) {
        super(driver, baseUrl);
    }

    /** Opens the patient's record as the doctor sees it and follows its Prescribe button (shown while the access covers MEDICATION). */
    PrescribePage openFromRecordOf(String patientAddress) {
        new DoctorRecordPage(driver, baseUrl).openFor(patientAddress);
        clickScrolledIntoView(byId("prescribe-button"));
        waitUntilUrlContains("doctor/prescribe/" + patientAddress);
        byId("prescribe-view");
        byId("rx-submit");
        return this;
    }

    /** Types a name or RxNorm code into the medicine box and picks the catalogue's item whose label contains {@code label}. */
    PrescribePage chooseMedicine(String typed, String label) {
        WebElement input = visible(By.cssSelector("#rx-medicine input"));
        input.clear();
        input.sendKeys(typed);
        WebElement item = wait.until(d -> d.findElements(By.cssSelector("vaadin-combo-box-item")).stream()
                .filter(i -> i.isDisplayed() && i.getText().contains(label)).findFirst().orElse(null));
        item.click();
        wait.until(d -> String.valueOf(js("return arguments[0].value", input)).contains(label));
        return this;
    }

    /** The directions, the quantity a fill dispenses (no refills) and the diagnosis treated, in ICD-10 (the default system). */
    PrescribePage fillIn(String dose, String frequency, int durationDays, int quantity, String icd10Code, String diagnosis) {
        type("rx-dose", dose);
        type("rx-frequency", frequency);
        type("rx-duration", Integer.toString(durationDays));
        type("rx-quantity", Integer.toString(quantity));
        type("rx-indication-code", icd10Code);
        type("rx-indication-display", diagnosis);
        return this;
    }

    /** True while the checks warn about the chosen medicine (and so ask for a reason); hidden, the warnings are not in the page at all. */
    boolean showsWarnings() {
        return driver.findElements(By.id("rx-warnings")).stream().anyMatch(WebElement::isDisplayed);
    }

    /**
     * Signs and prescribes, and returns the state the new prescription's row first shows: the grid is
     * watched closely, as the prescription may be mined a second later.
     */
    String submitAndReadFirstState(String medicineName) {
        clickScrolledIntoView(byId("rx-submit"));
        return new WebDriverWait(driver, TIMEOUT, Duration.ofMillis(50)).until(d -> {
            var row = GridRows.rowWithCell(d, "rx-mine", medicineName);
            return row.size() > 1 ? row.get(1) : null;
        });
    }

    /** Waits (the page polls while a prescription is on its way) until the prescription's row shows {@code state}; returns the row. */
    java.util.List<String> awaitState(String medicineName, String state) {
        return wait.until(d -> {
            var row = GridRows.rowWithCell(d, "rx-mine", medicineName);
            return row.size() > 1 && row.get(1).equals(state) ? row : null;
        });
    }

    /** The suggestions decision support shows for the diagnosis typed, best first (each item's text); waits for them. */
    java.util.List<String> suggestions() {
        byId("rx-suggestions");
        return wait.until(d -> {
            var items = d.findElements(By.cssSelector("#rx-suggestions li[id^='rx-suggestion-']"));
            return items.isEmpty() ? null : items.stream().map(i -> i.getText().strip()).toList();
        });
    }

    /** What the suggestions leave out for this patient, with the reason. */
    java.util.List<String> leftOut() {
        return byId("rx-left-out").findElements(By.tagName("li")).stream().map(i -> i.getText().strip()).toList();
    }

    /** Takes the {@code index}-th suggestion into the medicine box; returns the box's text. */
    String useSuggestion(int index) {
        clickScrolledIntoView(byId("rx-suggestion-use-" + index));
        // the box is above, scrolled out of the page's scrolling area: read it where it is
        WebElement input = present(By.cssSelector("#rx-medicine input"));
        return wait.until(d -> {
            String v = String.valueOf(js("return arguments[0].value", input));
            return v.isBlank() ? null : v;
        });
    }

    /** Opens the form for the patient with the diagnosis treated given as a SNOMED CT code, as "Prescribe for this" on a diagnosis does. */
    PrescribePage openForDiagnosis(String patientAddress, String snomedCode, String display) {
        open("doctor/prescribe/" + patientAddress + "?system=SNOMED-CT&code=" + snomedCode + "&display="
                + java.net.URLEncoder.encode(display, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"));
        byId("prescribe-view");
        byId("rx-submit");
        return this;
    }

    /** The directions and the quantity a fill dispenses, the diagnosis left as the form was opened with. */
    PrescribePage fillInDirections(String dose, String frequency, int durationDays, int quantity) {
        // the page may be scrolled down to the suggestions: bring the directions back into view first
        js("arguments[0].scrollIntoView({block: 'center'})", present(By.id("rx-dose")));
        type("rx-dose", dose);
        type("rx-frequency", frequency);
        type("rx-duration", Integer.toString(durationDays));
        type("rx-quantity", Integer.toString(quantity));
        return this;
    }
}

package org.careledger.e2e;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The patient's "Report symptoms" page ({@code /patient/symptoms}, ReportSymptomsView): symptoms picked
 * from the list, a severity for each, the sex, and the reports already in the record.
 */
final class SymptomsPage extends PageObject {

    SymptomsPage(WebDriver driver, String baseUrl) {
        super(driver, baseUrl);
    }

    SymptomsPage open() {
        open("patient/symptoms");
        byId("report-symptoms-view");
        byId("symptom-submit");
        return this;
    }

    /** Types each name into the picker and picks the list's item of that name; a severity field appears for each. */
    SymptomsPage choose(String... symptoms) {
        WebElement input = visible(By.cssSelector("#symptom-picker input"));
        for (String name : symptoms) {
            input.sendKeys(Keys.chord(Keys.CONTROL, "a"), name);
            WebElement item = wait.until(d -> d.findElements(By.cssSelector("vaadin-multi-select-combo-box-item")).stream()
                    .filter(i -> i.isDisplayed() && i.getText().strip().equals(name)).findFirst().orElse(null));
            item.click();
        }
        input.sendKeys(Keys.ESCAPE);
        wait.until(d -> d.findElements(By.cssSelector("#symptom-severities vaadin-integer-field")).size() == symptoms.length);
        return this;
    }

    /** Sets the severity of the {@code index}-th symptom chosen (in alphabetical order). */
    SymptomsPage severity(int index, int value) {
        type("severity-" + index, Integer.toString(value));
        return this;
    }

    SymptomsPage sex(String label) {
        WebElement radio = wait.until(d -> d.findElements(By.cssSelector("#symptom-sex vaadin-radio-button")).stream()
                .filter(r -> r.getText().strip().equals(label)).findFirst().orElse(null));
        clickScrolledIntoView(radio);
        return this;
    }

    /** Adds the report and waits for it in "Your reports"; returns that list's text. */
    String submit(String aSymptom) {
        clickScrolledIntoView(byId("symptom-submit"));
        return wait.until(d -> {
            String text = gridText("symptom-reports");
            return text.contains(aSymptom) ? text : null;
        });
    }

    String severityError(int index) {
        return fieldError("severity-" + index);
    }

    List<String> severityLabels() {
        return driver.findElements(By.cssSelector("#symptom-severities vaadin-integer-field")).stream()
                .map(f -> f.getDomProperty("label")).toList();
    }
}

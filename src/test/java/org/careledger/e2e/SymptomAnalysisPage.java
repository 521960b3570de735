package org.careledger.e2e;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The doctor's symptom analysis of a patient ({@code /doctor/symptoms/<address>}, SymptomAnalysisView),
 * reached from the patient's record by its "Analyse symptoms" button.
 */
final class SymptomAnalysisPage extends PageObject {

    SymptomAnalysisPage(WebDriver driver, String baseUrl) {
        super(driver, baseUrl);
    }

    /** Opens the patient's record and follows its "Analyse symptoms" button (shown when the record holds a report open to the doctor). */
    SymptomAnalysisPage openFromRecordOf(String patientAddress) {
        new DoctorRecordPage(driver, baseUrl).openFor(patientAddress);
        clickScrolledIntoView(byId("analyse-symptoms-button"));
        waitUntilUrlContains("doctor/symptoms/" + patientAddress);
        byId("symptom-analysis-view");
        return this;
    }

    /** The ranked conditions of the newest report, best first, each as its item's text (name, confidence, evidence). */
    List<String> rankedConditions() {
        WebElement list = byId("ranked-conditions-0");
        return list.findElements(By.tagName("li")).stream().map(li -> li.getText().strip()).toList();
    }

    String reportText() {
        return byId("symptom-report-0").getText();
    }
}

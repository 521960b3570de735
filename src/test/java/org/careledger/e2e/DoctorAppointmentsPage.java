package org.careledger.e2e;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The doctor's "Appointments" ({@code /doctor/appointments}, DoctorAppointmentsView) as a day: each
 * row time, patient, reason, fee, state, and the buttons the ledger allows now (Confirm, Completed,
 * No-show, Decline). The page re-renders its rows as the ledger moves, so buttons are found afresh
 * at each try.
 */
final class DoctorAppointmentsPage extends PageObject {

    DoctorAppointmentsPage(WebDriver driver, String baseUrl) {
        super(driver, baseUrl);
    }

    DoctorAppointmentsPage open() {
        open("doctor/appointments");
        byId("doctor-appointments");
        present(By.id("doctor-day"));
        return this;
    }

    /** "Times are in your hospital's time zone, ...". */
    String zone() {
        return byId("doctor-zone").getText().strip();
    }

    /** The day's row of the patient named {@code patientName}, once its state cell matches {@code stateRegex}. */
    List<String> awaitRow(String patientName, String stateRegex) {
        return wait.until(d -> {
            List<String> row = GridRows.rowWithCell(d, "doctor-day", patientName);
            return row.size() > 4 && row.get(4).replaceAll("\\s+", " ").matches(stateRegex) ? row : null;
        });
    }

    /** Presses the (only) row's Confirm. */
    DoctorAppointmentsPage confirm() {
        return press("confirm-");
    }

    /** Presses the (only) row's Completed, which the page shows once the appointment has started. */
    DoctorAppointmentsPage complete() {
        return press("complete-");
    }

    private DoctorAppointmentsPage press(String idPrefix) {
        By button = By.cssSelector("#doctor-day vaadin-button[id^='" + idPrefix + "']");
        new WebDriverWait(driver, TIMEOUT, POLL).ignoring(ElementClickInterceptedException.class)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> {
                    List<WebElement> found = d.findElements(button);
                    if (found.isEmpty()) {
                        return false;
                    }
                    js("arguments[0].scrollIntoView({block: 'center', inline: 'center'})", found.get(0));
                    found.get(0).click();
                    return true;
                });
        return this;
    }
}

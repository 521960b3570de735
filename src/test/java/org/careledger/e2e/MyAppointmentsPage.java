package org.careledger.e2e;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * The patient's "My appointments" ({@code /patient/appointments}, MyAppointmentsView): the upcoming
 * and the past appointments, each row when, doctor, hospital, fee, state, reason (and Cancel).
 */
final class MyAppointmentsPage extends PageObject {

    MyAppointmentsPage(WebDriver driver, String baseUrl) {
        super(driver, baseUrl);
    }

    MyAppointmentsPage open() {
        open("patient/appointments");
        return waitUntilShown();
    }

    MyAppointmentsPage waitUntilShown() {
        byId("my-appointments");
        present(By.id("upcoming-appointments"));
        return this;
    }

    /** The upcoming appointment's row whose doctor cell reads {@code doctorCell}, once its state cell matches {@code stateRegex}. */
    List<String> awaitUpcoming(String doctorCell, String stateRegex) {
        return wait.until(d -> {
            List<String> row = GridRows.rowWithCell(d, "upcoming-appointments", doctorCell);
            return row.size() > 4 && row.get(4).replaceAll("\\s+", " ").matches(stateRegex) ? row : null;
        });
    }
}

package org.careledger.e2e;

import java.time.Instant;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The patient's "Book an appointment" ({@code /patient/appointments/book}, BookAppointmentView): the
 * doctor search and its grid, the chosen doctor's free slots (buttons {@code slot-<start in epoch
 * milliseconds>}), the confirmation dialog, and the booking's state once made.
 */
final class BookAppointmentPage extends PageObject {

    BookAppointmentPage(WebDriver driver, String baseUrl) {
        super(driver, baseUrl);
    }

    BookAppointmentPage open() {
        open("patient/appointments/book");
        byId("book-appointment");
        present(By.id("doctor-grid"));
        return this;
    }

    /**
     * Types into the search box and waits until the grid lists only the doctor found (every doctor is
     * listed before the search) and returns their row: name, specialty, hospital, fee.
     */
    List<String> search(String text, String doctorName) {
        type("doctor-search", text);
        return wait.until(d -> {
            List<String> row = GridRows.rowWithCell(d, "doctor-grid", doctorName);
            boolean alone = Long.valueOf(1).equals(js("return arguments[0].size", present(By.id("doctor-grid"))));
            return row.isEmpty() || !alone ? null : row;
        });
    }

    /** Chooses the doctor (by their user id) and waits for their slots. */
    BookAppointmentPage chooseDoctor(long doctorId) {
        clickScrolledIntoView(byId("choose-doctor-" + doctorId));
        byId("slot-section");
        return this;
    }

    /** "Times are in your time zone, ...". */
    String slotZone() {
        return byId("slot-zone").getText().strip();
    }

    /** Chooses the slot that starts at {@code start}, and waits for the confirmation dialog. */
    BookingDialog chooseSlot(Instant start) {
        clickScrolledIntoView(byId("slot-" + start.toEpochMilli()));
        byId("book-confirm");
        return new BookingDialog();
    }

    /** The booking's state as the page shows it ("Booked, awaiting ... · booked in block 12"), once it matches {@code regex}. */
    String awaitBookingState(String regex) {
        return wait.until(d -> {
            String text = byId("booking-state").getText().strip().replaceAll("\\s+", " ");
            return text.matches(regex) ? text : null;
        });
    }

    String bookingSummary() {
        return byId("booking-summary").getText().strip();
    }

    /** The last step: when, the fee and balance, the cancellation rule, the reason. */
    final class BookingDialog {

        String when() {
            return byId("book-when").getText().strip();
        }

        String fee() {
            return byId("book-fee").getText().strip();
        }

        String rule() {
            return byId("book-rule").getText().strip();
        }

        BookingDialog reason(String text) {
            type("book-reason", text);
            return this;
        }

        /** Books, and waits for the dialog to close and the booking to show. */
        BookAppointmentPage book() {
            byId("book-confirm").click();
            wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("book-dialog")));
            byId("booking-result");
            return BookAppointmentPage.this;
        }
    }
}

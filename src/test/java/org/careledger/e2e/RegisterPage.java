package org.careledger.e2e;

import java.time.LocalDate;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** Self-registration ({@code /register}); each field is found by the id the view gives it. */
final class RegisterPage extends PageObject {

    /** What a patient types into the form. */
    record PatientDetails(String fullName, String mobile, String email, LocalDate dateOfBirth, String address,
                          String insuranceProvider, String policyNumber, String password) {
    }

    RegisterPage(WebDriver driver, String baseUrl) {
        super(driver, baseUrl);
    }

    RegisterPage open() {
        open("register");
        byId("register-view");
        byId("register-submit");
        return this;
    }

    /** Picks a role in the radio group by its label ("Doctor", "Patient", "Pharmacist"). */
    RegisterPage chooseRole(String label) {
        WebElement radio = visible(By.xpath("//*[@id='role']//vaadin-radio-button[normalize-space(.)='" + label + "']"));
        radio.findElement(By.cssSelector("input")).click();
        wait.until(d -> radio.getDomAttribute("checked") != null);
        return this;
    }

    RegisterPage fill(PatientDetails p) {
        type("fullName", p.fullName());
        type("mobile", p.mobile());
        type("email", p.email());
        setDateOfBirth(p.dateOfBirth());
        type("address", p.address());
        type("insuranceProvider", p.insuranceProvider());
        type("policyNumber", p.policyNumber());
        type("password", p.password());
        type("confirmPassword", p.password());
        return this;
    }

    RegisterPage typeInto(String fieldId, String text) {
        type(fieldId, text);
        return this;
    }

    /**
     * Sets the date picker through its web-component API: the ISO value on the element and a
     * {@code change} event, which is what Flow's DatePicker listens to. (Typing depends on the
     * browser's locale format; this does not.)
     */
    RegisterPage setDateOfBirth(LocalDate date) {
        WebElement picker = visible(By.id("dateOfBirth"));
        js("""
                const picker = arguments[0];
                picker.value = arguments[1];
                picker.dispatchEvent(new CustomEvent('change', {bubbles: true}));
                """, picker, date.toString());
        wait.until(d -> date.toString().equals(picker.getDomProperty("value")));
        return this;
    }

    void submit() {
        byId("register-submit").click();
    }

    /** Waits for the confirmation that replaces the form and returns its text. */
    String confirmation() {
        return byId("registration-done").getText().strip();
    }

    /** Waits until the server has marked the field invalid, and returns the message shown next to it. */
    String errorOf(String fieldId) {
        WebElement field = present(By.id(fieldId));
        wait.until(d -> field.getDomAttribute("invalid") != null);
        return wait.until(d -> {
            String message = fieldError(fieldId);
            return message.isEmpty() ? null : message;
        });
    }

    boolean isInvalid(String fieldId) {
        return present(By.id(fieldId)).getDomAttribute("invalid") != null;
    }

    boolean confirmationShown() {
        return isPresent(By.id("registration-done"));
    }
}

package org.careledger.e2e;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The sign-in page ({@code /login}): Vaadin's {@code vaadin-login-form}, which posts to Spring
 * Security. Its error title and message live in the form's overlay wrapper; they are read with
 * JavaScript from the wrapper's shadow root (where Vaadin 24.9 renders them).
 */
final class LoginPage extends PageObject {

    LoginPage(WebDriver driver, String baseUrl) {
        super(driver, baseUrl);
    }

    LoginPage open() {
        open("login");
        return waitUntilShown();
    }

    LoginPage waitUntilShown() {
        visible(By.cssSelector("#vaadinLoginUsername input"));
        return this;
    }

    /** Fills in and submits the form; the browser then lands wherever the server sends it. */
    void signInAs(String username, String password) {
        WebElement user = visible(By.cssSelector("#vaadinLoginUsername input"));
        user.clear();
        user.sendKeys(username);
        WebElement pass = visible(By.cssSelector("#vaadinLoginPassword input"));
        pass.clear();
        pass.sendKeys(password);
        visible(By.cssSelector("vaadin-button[slot='submit']")).click();
    }

    /**
     * Signs in and waits for the view with the given id. A sign-in the server accepted must land on
     * that view at the first try: landing back on the login page is a failure.
     */
    void signInExpecting(String username, String password, String viewId) {
        if (!signInLandsOn(username, password, viewId)) {
            throw new AssertionError("signing in as " + username + " landed on " + driver.getCurrentUrl() + ", not on " + viewId);
        }
        visible(By.id(viewId));
    }

    /** Signs in once; true if the browser then shows the view, false if it is back on the login page. */
    boolean signInLandsOn(String username, String password, String viewId) {
        WebElement before = present(By.id("login-view"));
        signInAs(username, password);
        wait.until(ExpectedConditions.stalenessOf(before));
        wait.until(d -> isPresent(By.id(viewId)) || isPresent(By.id("login-view")));
        return isPresent(By.id(viewId));
    }

    /** Waits until the form shows its error (after a refused sign-in) and returns its title and message. */
    String errorText() {
        waitUntilUrlContains("error");
        WebElement form = present(By.tagName("vaadin-login-form"));
        wait.until(d -> form.getDomAttribute("error") != null);
        return wait.until(d -> {
            String text = String.valueOf(js("""
                    const form = arguments[0];
                    const wrapper = form.querySelector('vaadin-login-form-wrapper')
                        || (form.shadowRoot && form.shadowRoot.querySelector('vaadin-login-form-wrapper'));
                    const roots = [wrapper && wrapper.shadowRoot, wrapper, form.shadowRoot, form].filter(r => r);
                    for (const root of roots) {
                      const part = root.querySelector("[part~='error-message']");
                      if (part && part.textContent.trim()) { return part.innerText || part.textContent; }
                    }
                    return '';
                    """, form)).strip();
            return text.isEmpty() ? null : text;
        });
    }

    /** The notice above the form ("You have signed out.", "Your session has ended ..."). */
    String notice() {
        return byId("login-notice").getText().strip();
    }
}

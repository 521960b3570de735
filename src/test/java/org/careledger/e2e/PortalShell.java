package org.careledger.e2e;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** The frame around every signed-in page (MainLayout): side navigation, who is signed in, sign-out. */
final class PortalShell extends PageObject {

    PortalShell(WebDriver driver, String baseUrl) {
        super(driver, baseUrl);
    }

    /** Waits for the shell and the given home view (patient-home, doctor-home, ...). */
    PortalShell waitForView(String viewId) {
        byId(viewId);
        present(By.id("main-nav"));
        return this;
    }

    /** The labels of the side navigation's items, in their order. */
    List<String> navigationLabels() {
        WebElement nav = present(By.id("main-nav"));
        wait.until(d -> !nav.findElements(By.cssSelector("vaadin-side-nav-item")).isEmpty());
        // one round trip for all of them, not one an item
        return ((List<?>) js("return Array.from(arguments[0].querySelectorAll('vaadin-side-nav-item')).map(i => i.textContent)", nav))
                .stream().map(label -> String.valueOf(label).strip()).toList();
    }

    /** Clicks the navigation item with this label and waits for the view with this id. */
    PortalShell openFromNavigation(String label, String viewId) {
        WebElement nav = present(By.id("main-nav"));
        WebElement item = (WebElement) js("return Array.from(arguments[0].querySelectorAll('vaadin-side-nav-item'))"
                + ".find(i => i.textContent.trim() === arguments[1]) || null", nav, label);
        if (item == null) {
            throw new AssertionError("no navigation item " + label);
        }
        clickScrolledIntoView(item);
        byId(viewId);
        return this;
    }

    /** The inbox badge's count as shown now (0 while the badge is hidden). */
    long unreadCount() {
        WebElement badge = present(By.id("inbox-unread"));
        String text = badge.isDisplayed() ? badge.getText().strip() : "";
        return text.isEmpty() ? 0 : Long.parseLong(text.replace("+", ""));
    }

    String currentUser() {
        return byId("current-user").getText().strip();
    }

    /** Signs out and waits for the login page that follows. */
    LoginPage signOut() {
        byId("logout").click();
        waitUntilUrlContains("login");
        return new LoginPage(driver, baseUrl).waitUntilShown();
    }

    void navigateTo(String path) {
        open(path);
    }

    /** Fills and sends the change-password form. */
    void changePassword(String current, String next) {
        type("currentPassword", current);
        type("newPassword", next);
        type("repeatPassword", next);
        byId("change-password-submit").click();
    }
}

package org.careledger.e2e;

import org.careledger.identity.UserId;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The admin's home ({@code /admin}): the queue of registrations waiting for a decision. */
final class AdminApprovalsPage extends PageObject {

    AdminApprovalsPage(WebDriver driver, String baseUrl) {
        super(driver, baseUrl);
    }

    AdminApprovalsPage waitUntilShown() {
        byId("admin-home");
        present(By.id("approval-queue"));
        return this;
    }

    /** The text of every rendered cell of the queue (Vaadin's grid renders cell content in its light DOM). */
    String queueText() {
        return String.valueOf(js("""
                return Array.from(arguments[0].querySelectorAll('vaadin-grid-cell-content'))
                    .map(c => c.textContent.trim()).join(' | ');
                """, present(By.id("approval-queue"))));
    }

    /** Whether the user's Approve button is shown (the grid may keep a removed row's cells, hidden). */
    boolean isWaiting(UserId user) {
        return driver.findElements(By.id("approve-" + user.value())).stream().anyMatch(b -> b.isDisplayed());
    }

    /** Clicks Approve in the user's row and waits until the row has left the queue. */
    void approve(UserId user) {
        By button = By.id("approve-" + user.value());
        clickScrolledIntoView(present(button));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(button));
    }
}

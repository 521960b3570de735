package org.careledger.e2e;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** The patient's "Access requests" ({@code /patient/consents}): pending requests, grants and their ledger status. */
final class AccessRequestsPage extends PageObject {

    AccessRequestsPage(WebDriver driver, String baseUrl) {
        super(driver, baseUrl);
    }

    AccessRequestsPage open() {
        open("patient/consents");
        byId("access-requests");
        return this;
    }

    /** The card of the pending request from this doctor, waiting for it to appear (requests are read from the ledger). */
    WebElement requestFrom(String doctorName) {
        reloadUntil(() -> pendingText().contains(doctorName), "access-requests");
        return driver.findElements(By.cssSelector(".access-request")).stream()
                .filter(c -> c.getText().contains(doctorName)).findFirst().orElseThrow();
    }

    String pendingText() {
        return present(By.id("pending-requests")).getText();
    }

    /** Approves as asked, then waits until the grant is in a block and listed as active. */
    AccessRequestsPage approveAsAsked(String doctorName) {
        clickScrolledIntoView(requestFrom(doctorName).findElement(By.cssSelector(".approve-request-button")));
        clickScrolledIntoView(byId("grant-confirm-button"));
        wait.until(d -> grantsText().contains(doctorName) && grantsText().contains("Active"));
        return this;
    }

    String grantsText() {
        return gridText("grants-grid");
    }

    /** Revokes the (only) active grant and waits until it shows as revoked. */
    AccessRequestsPage revokeGrant() {
        clickScrolledIntoView(present(By.cssSelector("#grants-grid .revoke-grant-button")));
        wait.until(d -> grantsText().contains("Revoked"));
        return this;
    }
}

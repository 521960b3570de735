package org.careledger.e2e;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** The patient's "My record" ({@code /patient/record}): entries with integrity badges, doctors' entries to approve. */
final class MyRecordPage extends PageObject {

    MyRecordPage(WebDriver driver, String baseUrl) {
        super(driver, baseUrl);
    }

    MyRecordPage open() {
        open("patient/record");
        byId("my-record");
        return this;
    }

    /** Approves the pending entry whose text contains {@code summary}. */
    MyRecordPage approveEntry(String summary) {
        WebElement card = wait.until(d -> d.findElements(By.cssSelector(".pending-entry")).stream()
                .filter(c -> c.getText().contains(summary)).findFirst().orElse(null));
        clickScrolledIntoView(card.findElement(By.cssSelector(".approve-entry-button")));
        wait.until(d -> recordText().contains(summary));
        return this;
    }

    String recordText() {
        return gridText("record-grid");
    }

    /** Waits until the entry is anchored and checked (the view polls while an anchor is pending). */
    MyRecordPage waitUntilVerified(String summary) {
        wait.until(d -> recordText().contains(summary) && !recordText().contains("Awaiting anchor"));
        return this;
    }
}

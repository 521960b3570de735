package org.careledger.e2e;

import org.openqa.selenium.WebDriver;

/** The patient's "Who viewed my record" ({@code /patient/access-log}). */
final class AccessLogPage extends PageObject {

    AccessLogPage(WebDriver driver, String baseUrl) {
        super(driver, baseUrl);
    }

    AccessLogPage open() {
        open("patient/access-log");
        byId("access-log");
        return this;
    }

    /** Waits, reloading, until a read by {@code readerName} is on the ledger; returns the log's text. */
    String waitForReadBy(String readerName) {
        reloadUntil(() -> logText().contains(readerName), "access-log");
        return logText();
    }

    String logText() {
        return gridText("access-log-grid");
    }
}

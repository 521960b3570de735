package org.careledger.e2e;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The explorer's pages as a user meets them: the overview ({@code /explorer}, live), a transaction,
 * a block, and the search box every explorer page carries.
 */
final class ExplorerPage extends PageObject {

    ExplorerPage(WebDriver driver, String baseUrl) {
        super(driver, baseUrl);
    }

    ExplorerPage waitUntilShown() {
        byId("explorer");
        return this;
    }

    /** The chain's height as the overview's counter shows it. */
    long height() {
        return Long.parseLong(byId("chain-height").getText().strip());
    }

    /** Waits, without reloading, until the overview's counter and latest blocks show {@code height}. */
    ExplorerPage awaitHeightAtLeast(long height) {
        wait.withMessage("the overview shows block " + height + " without a reload").until(d -> {
            String text = d.findElement(By.id("chain-height")).getText().strip();
            return !text.isEmpty() && Long.parseLong(text) >= height;
        });
        wait.until(d -> gridText("latest-blocks").contains(String.valueOf(height)));
        return this;
    }

    /** Leaves a mark in the page's window, gone if the page is ever reloaded. */
    ExplorerPage markWindow() {
        js("window.careledgerNoReload = 'still here'");
        return this;
    }

    boolean windowStillMarked() {
        return "still here".equals(js("return window.careledgerNoReload || null"));
    }

    /** Types {@code query} into the search box and presses Enter. */
    ExplorerPage search(String query) {
        WebElement input = visible(By.cssSelector("#explorer-search input"));
        input.clear();
        input.sendKeys(query, Keys.ENTER);
        return this;
    }

    /** The transaction page's status line ("in block 12", "pending" ...), once the page is shown. */
    String transactionStatus() {
        byId("explorer-tx");
        return byId("tx-status").getText();
    }

    String awaitTransactionStatus(String regex) {
        wait.withMessage("the transaction's status matches " + regex).until(d -> transactionStatus().matches(regex));
        return transactionStatus();
    }

    String transactionCall() {
        return byId("tx-call").getText();
    }

    /** Opens the transaction's block from its page; returns the block page's height. */
    long openBlockOfTransaction() {
        clickScrolledIntoView(byId("tx-block-link"));
        byId("explorer-block");
        return Long.parseLong(byId("block-height").getText().replaceAll("\\D", ""));
    }

    String blockPageText() {
        return byId("explorer-block").getText();
    }

    /** The proof bundle the transaction page offers, fetched through its download link in this session. */
    String downloadProof(String txShortHex) {
        WebElement link = present(By.id("proof-download-" + txShortHex));
        Object json = js("return fetch(arguments[0].href, {credentials: 'same-origin'}).then(r => r.text())", link);
        return String.valueOf(json);
    }
}

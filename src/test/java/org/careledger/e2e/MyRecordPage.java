package org.careledger.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
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

    /** Adds a self-reported attachment entry through the form: the category, the file (waiting for its upload) and a comment. */
    MyRecordPage addAttachment(Path file, String comment) {
        WebElement form = byId("self-report");
        if (form.getDomAttribute("opened") == null) {
            clickScrolledIntoView(form.findElement(By.cssSelector("vaadin-details-summary, [slot='summary']")));
        }
        clickScrolledIntoView(byId("entry-category"));
        clickScrolledIntoView(visible(By.xpath("//vaadin-select-item[normalize-space(.)='attachment']")));
        WebElement upload = byId("entry-attachment");
        fileInputOf(upload).sendKeys(file.toAbsolutePath().toString());
        wait.until(d -> Boolean.TRUE.equals(js("return arguments[0].files.length === 1 && arguments[0].files.every(f => f.complete)", upload)));
        type("entry-text", comment);
        clickScrolledIntoView(byId("add-entry-button"));
        wait.until(d -> recordText().contains(file.getFileName().toString()));
        return this;
    }

    /** Opens the entry's details (a click on its row) and fetches its attachment through the page's link; returns the bytes' count. */
    long downloadAttachment(String fileName) {
        WebElement cell = wait.until(d -> d.findElements(By.cssSelector("#record-grid vaadin-grid-cell-content")).stream()
                .filter(c -> c.getText().strip().equals(fileName)).findFirst().orElse(null));
        clickScrolledIntoView(cell);
        WebElement link = visible(By.cssSelector("[id^='attachment-download-']"));
        Object size = ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0].href).then(r => r.ok ? r.arrayBuffer() : Promise.reject(r.status))
                    .then(b => done(b.byteLength), e => done(-1));
                """, link);
        return size instanceof Number n ? n.longValue() : -1;
    }

    /** Fetches the record as FHIR through the page's "Download FHIR" link, in the page's session; the JSON text, or null on an error. */
    String downloadFhir() {
        WebElement link = visible(By.id("fhir-download"));
        Object text = ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0].href).then(r => r.ok ? r.text() : Promise.reject(r.status)).then(done, e => done(null));
                """, link);
        return text instanceof String json ? json : null;
    }

    /** Imports a FHIR file through "Import a FHIR file" (opened if closed) and waits for the job's report; the report's sentence. */
    String importFhir(Path file) {
        WebElement section = byId("fhir-import-section");
        if (section.getDomAttribute("opened") == null) {
            clickScrolledIntoView(section.findElement(By.cssSelector("vaadin-details-summary, [slot='summary']")));
        }
        fileInputOf(byId("fhir-import")).sendKeys(file.toAbsolutePath().toString());
        // the job reports by server push: its sentence replaces the progress bar without a reload
        return wait.until(d -> {
            String outcome = d.findElement(By.id("fhir-import-outcome")).getText().strip();
            return outcome.isEmpty() ? null : outcome;
        });
    }

    /** The texts of the entries waiting for the patient's decision. */
    List<String> pendingEntries() {
        return driver.findElements(By.cssSelector(".pending-entry")).stream().map(WebElement::getText).toList();
    }

    /** Opens the first entry's proof as a QR code; returns the QR image's natural width (0 if it did not load), and closes the dialog. */
    long proofQrWidth() {
        clickScrolledIntoView(wait.until(d -> d.findElements(By.cssSelector("[id^='proof-qr-']")).stream()
                .filter(WebElement::isDisplayed).findFirst().orElse(null)));
        WebElement img = visible(By.cssSelector("img[alt='QR code of the proof bundle']"));
        wait.until(d -> Boolean.TRUE.equals(js("return arguments[0].complete", img)));
        Object width = js("return arguments[0].naturalWidth", img);
        driver.findElement(By.tagName("body")).sendKeys(Keys.ESCAPE);
        wait.until(d -> d.findElements(By.cssSelector("img[alt='QR code of the proof bundle']")).isEmpty());
        return width instanceof Number n ? n.longValue() : 0;
    }

    static Path tempCopy(byte[] bytes, String name) {
        try {
            Path dir = Files.createTempDirectory("careledger-upload-");
            return Files.write(dir.resolve(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

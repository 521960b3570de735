package org.careledger.e2e;

import java.time.Duration;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What every page object shares: explicit waits (never sleeps) and the few tricks Vaadin's shadow DOM
 * needs. A Vaadin field is a custom element ({@code vaadin-text-field#fullName}) around a slotted
 * native {@code <input>} in the light DOM, so typing goes to {@code #fullName input}; its error
 * message is the light-DOM {@code [slot=error-message]} child.
 */
abstract class PageObject {

    /** Generous: the first page of a cold Vaadin dev-mode server on a busy 2-core machine is slow. */
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    /**
     * How often a wait looks again: Selenium's default of 500 ms left each step of a story idle for a
     * quarter of a second on average after the page was ready (a sign-in has four such waits).
     */
    static final Duration POLL = Duration.ofMillis(100);

    /** How often {@link #reloadUntil} reloads at most: a reload is a whole page load, not a look. */
    private static final Duration RELOAD_POLL = Duration.ofMillis(500);

    protected final WebDriver driver;
    protected final String baseUrl;
    protected final WebDriverWait wait;

    PageObject(WebDriver driver, String baseUrl) {
        this.driver = driver;
        this.baseUrl = baseUrl;
        // a polled page re-renders its grids: an element found a moment ago may be gone, and is found again
        this.wait = (WebDriverWait) new WebDriverWait(driver, TIMEOUT, POLL).ignoring(StaleElementReferenceException.class);
    }

    protected void open(String path) {
        driver.get(baseUrl + path);
    }

    protected WebElement visible(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    protected WebElement present(By by) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(by));
    }

    protected WebElement byId(String id) {
        return visible(By.id(id));
    }

    protected boolean isPresent(By by) {
        return !driver.findElements(by).isEmpty();
    }

    /** Types into a Vaadin text field, area, email or password field, then leaves it (Vaadin syncs on change). */
    protected void type(String fieldId, String text) {
        WebElement input = visible(By.cssSelector("#" + fieldId + " input, #" + fieldId + " textarea"));
        input.clear();
        input.sendKeys(text);
        input.sendKeys(Keys.TAB);
    }

    /** Clicks an element that may sit outside the 1280-pixel window (a wide grid's last column). */
    protected void clickScrolledIntoView(WebElement element) {
        js("arguments[0].scrollIntoView({block: 'center', inline: 'center'})", element);
        wait.until(ExpectedConditions.elementToBeClickable(element));
        // a wide grid may still be scrolling: the first click can land where the element was a moment ago
        new WebDriverWait(driver, TIMEOUT, POLL).ignoring(ElementClickInterceptedException.class).until(d -> {
            element.click();
            return true;
        });
    }

    /** The native file input of a Vaadin upload (inside its shadow root, or slotted in the light DOM). */
    protected WebElement fileInputOf(WebElement upload) {
        return wait.until(d -> {
            var inShadow = upload.getShadowRoot().findElements(By.cssSelector("input[type=file]"));
            return inShadow.isEmpty() ? upload.findElements(By.cssSelector("input[type=file]")).stream().findFirst().orElse(null)
                    : inShadow.get(0);
        });
    }

    protected Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** The error message a Vaadin field shows, or "" if it is valid. */
    protected String fieldError(String fieldId) {
        WebElement field = present(By.id(fieldId));
        if (field.getDomAttribute("invalid") == null) {
            return "";
        }
        List<WebElement> slot = field.findElements(By.cssSelector("[slot='error-message']"));
        String shown = slot.isEmpty() ? "" : slot.get(0).getText().strip();
        return shown.isEmpty() ? String.valueOf(js("return arguments[0].errorMessage || ''", field)).strip() : shown;
    }

    /** The text of every rendered cell of a grid (Vaadin's grid renders cell content in its light DOM). */
    protected String gridText(String gridId) {
        return String.valueOf(js("""
                return Array.from(arguments[0].querySelectorAll('vaadin-grid-cell-content'))
                    .map(c => c.textContent.trim()).join(' | ');
                """, present(By.id(gridId))));
    }

    /** Reloads the page until {@code condition} holds: for views that show the ledger as of when they opened. */
    protected void reloadUntil(java.util.function.BooleanSupplier condition, String viewId) {
        new WebDriverWait(driver, TIMEOUT, RELOAD_POLL).ignoring(StaleElementReferenceException.class).until(d -> {
            if (condition.getAsBoolean()) {
                return true;
            }
            d.navigate().refresh();
            present(By.id(viewId));
            return false;
        });
    }

    protected void waitUntilUrlContains(String part) {
        wait.until(ExpectedConditions.urlContains(part));
    }
}

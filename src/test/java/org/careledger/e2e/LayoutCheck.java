package org.careledger.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * Whether a person can reach and read everything on the page shown now, at the window's width:
 * every button, link, field and navigation item lies within the window and is not clipped by a
 * container that would need a sideways scroll (a grid's row buttons behind its horizontal scroll
 * count as unreachable), every grid cell's text is on screen and not cut short (a tooltip excuses cut
 * text at laptop width, never on a phone), and the page itself does not scroll sideways.
 *
 * <p>The work is done in the page by {@code layout-check.js} (beside this class), which walks into
 * Vaadin's shadow roots and names its guards against false positives.
 */
final class LayoutCheck {

    /** One thing a person cannot reach or read: its kind, what it is, and where it lies. */
    record Problem(String kind, String what, String detail) {
        @Override
        public String toString() {
            return kind + ": " + what + " (" + detail + ")";
        }
    }

    private static final String SCRIPT = resource("layout-check.js");

    private LayoutCheck() {
    }

    /** The problems of the page shown now; {@code touch} for a phone, where tooltips do not count. */
    static List<Problem> problemsOf(WebDriver driver, boolean touch) {
        return problems(driver, touch, null);
    }

    /** The problems of what the opened drawer of the portal's app layout shows. */
    static List<Problem> problemsInDrawerOf(WebDriver driver, boolean touch) {
        return problems(driver, touch, "drawer");
    }

    private static List<Problem> problems(WebDriver driver, boolean touch, String scope) {
        Object result = ((JavascriptExecutor) driver).executeScript(SCRIPT, touch, scope);
        return ((List<?>) result).stream()
                .map(Map.class::cast)
                .map(p -> new Problem(String.valueOf(p.get("kind")), String.valueOf(p.get("what")), String.valueOf(p.get("detail"))))
                .toList();
    }

    static String resource(String name) {
        try (InputStream in = LayoutCheck.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("No resource " + name + " beside " + LayoutCheck.class.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

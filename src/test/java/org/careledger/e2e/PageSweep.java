package org.careledger.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.HasCdp;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One browser's walk through pages at one window size: opens a page, waits until Vaadin has
 * finished with it, runs {@link LayoutCheck} and {@link AxeCheck}, and keeps a screenshot in
 * {@code target/screens/<role>-<page>-<width>.png} for a reviewer.
 */
final class PageSweep {

    static final Path SCREENS = Path.of("target", "screens");

    /** A phone is narrower than this: tooltips do not count there (as ResponsiveGrid's cards begin). */
    private static final int PHONE_BELOW = 600;

    /** A window size a person uses: a common laptop, a common phone. */
    record Size(int width, int height) {
        boolean phone() {
            return width < PHONE_BELOW;
        }
    }

    private final WebDriver driver;
    private final String baseUrl;
    private final String role;
    private Size size;
    private String shown;
    /** The path of the page shown now, as it was asked for. */
    private String shownPath;
    private long openNanos;
    private long layoutNanos;
    private long axeNanos;
    private long screenshotNanos;

    PageSweep(WebDriver driver, String baseUrl, String role) {
        this.driver = driver;
        this.baseUrl = baseUrl;
        this.role = role;
    }

    /** Sizes the window so that the page's viewport (not the window's frame) is exactly {@code size}. */
    PageSweep resizeTo(Size size) {
        this.size = size;
        driver.manage().window().setSize(new Dimension(size.width(), size.height()));
        List<?> inner = (List<?>) js("return [window.innerWidth, window.innerHeight]");
        int dw = size.width() - ((Number) inner.get(0)).intValue();
        int dh = size.height() - ((Number) inner.get(1)).intValue();
        if (dw != 0 || dh != 0) {
            driver.manage().window().setSize(new Dimension(size.width() + dw, size.height() + dh));
        }
        return this;
    }

    /** Loads {@code path} afresh and waits until the element with id {@code shows} (if any) is there and Vaadin is idle. */
    void open(String path, String shows) {
        long started = System.nanoTime();
        driver.get(baseUrl + path);
        settle(shows);
        shownPath = path;
        openNanos += System.nanoTime() - started;
    }

    /**
     * Goes to {@code path} inside the page already open, as a click on a link of the portal does
     * (Vaadin's router, one round trip, no new page load), and waits as {@link #open} does.
     */
    void navigate(String path, String shows) {
        long started = System.nanoTime();
        js("""
                const link = document.createElement('a');
                link.href = arguments[0];
                link.setAttribute('router-link', '');
                document.body.appendChild(link);
                link.click();
                link.remove();
                """, path);
        // the address changes before the server answers: wait for the last page's view to be gone too,
        // unless the same view opens again with another query (its element stays; settle waits for the answer)
        boolean sameView = shownPath != null && pathname(shownPath).equals(pathname(path));
        String previous = Objects.equals(shown, shows) || sameView ? null : shown;
        new WebDriverWait(driver, PageObject.TIMEOUT, Duration.ofMillis(50)).until(d -> Boolean.TRUE.equals(
                js("return decodeURIComponent(location.pathname + location.search) === '/' + decodeURIComponent(arguments[0])"
                        + " && !(arguments[1] && document.getElementById(arguments[1]))", path, previous)));
        if (sameView && shows != null) {
            // the same view answers the new query: wait for what it shows to be shown, not merely there
            new WebDriverWait(driver, PageObject.TIMEOUT, Duration.ofMillis(50)).until(d -> Boolean.TRUE.equals(
                    js("const e = document.getElementById(arguments[0]); return !!e && !e.hidden", shows)));
        }
        settle(shows);
        shownPath = path;
        openNanos += System.nanoTime() - started;
    }

    private static String pathname(String path) {
        int query = path.indexOf('?');
        return query < 0 ? path : path.substring(0, query);
    }

    /** Waits until the page is loaded, the element {@code shows} is present, and Vaadin has been idle for two looks in a row. */
    void settle(String shows) {
        shown = shows;
        boolean[] idleBefore = {false};
        new WebDriverWait(driver, PageObject.TIMEOUT, Duration.ofMillis(150)).until(d -> {
            boolean idle = Boolean.TRUE.equals(js("""
                    const shows = arguments[0];
                    const narrow = window.innerWidth < arguments[1];
                    return document.readyState === 'complete' && !!document.body
                        && (!shows || !!document.getElementById(shows))
                        && (!window.Vaadin || !window.Vaadin.Flow || !window.Vaadin.Flow.clients
                            || Object.values(window.Vaadin.Flow.clients).every(c => !c.isActive || !c.isActive()))
                        && !document.querySelector('vaadin-grid[loading]')
                        // ResponsiveGrid learns the width from the browser and switches to cards a round trip later
                        && Array.from(document.querySelectorAll('vaadin-grid.cl-grid')).every(g => g.hasAttribute('narrow') === narrow);
                    """, shows, PHONE_BELOW));
            boolean settled = idle && idleBefore[0];
            idleBefore[0] = idle;
            return settled;
        });
    }

    /**
     * The layout and accessibility problems of the page shown now, one line each, and its screenshot;
     * axe's moderate and minor findings go to {@code notes} (they do not fail).
     */
    List<String> check(String page, List<String> notes) {
        List<String> problems = new ArrayList<>();
        long t0 = System.nanoTime();
        LayoutCheck.problemsOf(driver, size.phone()).forEach(p -> problems.add(p.toString()));
        long t1 = System.nanoTime();
        List<String> lesser = new ArrayList<>();
        for (AxeCheck.Violation v : AxeCheck.violationsOf(driver)) {
            if (v.fails()) {
                problems.add("axe: " + v);
            } else {
                lesser.add(v.rule() + " [" + v.impact() + "]");
            }
        }
        if (!lesser.isEmpty()) {
            notes.add("axe, not failing: " + String.join(", ", lesser));
        }
        long t2 = System.nanoTime();
        screenshot(page);
        layoutNanos += t1 - t0;
        axeNanos += t2 - t1;
        screenshotNanos += System.nanoTime() - t2;
        return problems;
    }

    /** Where the side navigation's items lead, as paths without the leading slash. */
    List<String> navigationPaths() {
        return ((List<?>) js("return Array.from(document.querySelectorAll('#main-nav vaadin-side-nav-item'))"
                + ".map(i => (i.getAttribute('path') || '').replace(/^\\//, ''))")).stream().map(String::valueOf).toList();
    }

    /** Where the time went: opening pages (load and Vaadin's round trips), the layout check, axe, screenshots. */
    String timings() {
        return "open %d ms, layout check %d ms, axe %d ms, screenshots %d ms".formatted(openNanos / 1_000_000,
                layoutNanos / 1_000_000, axeNanos / 1_000_000, screenshotNanos / 1_000_000);
    }

    /**
     * Opens the dialog that the first button matching {@code buttonCss} opens, checks it as
     * {@link #check} checks a page (the dialog's overlay lies over the page, so what it hides is not
     * counted), saves its screenshot, and closes it as Escape does; a finding if there is no such button.
     */
    List<String> checkDialog(String page, String buttonCss, String dialogShows, List<String> notes) {
        List<WebElement> buttons = driver.findElements(By.cssSelector(buttonCss));
        if (buttons.isEmpty()) {
            return List.of("no button " + buttonCss + " to open the dialog with");
        }
        js("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click()", buttons.get(0));
        settle(dialogShows);
        List<String> problems = check(page, notes);
        js("document.querySelectorAll('vaadin-dialog').forEach(d => d.opened = false)"); // as Escape does; the server learns of it
        new WebDriverWait(driver, PageObject.TIMEOUT, Duration.ofMillis(100)).until(d -> Boolean.TRUE.equals(
                js("return !document.getElementById(arguments[0]) && !document.querySelector('vaadin-dialog-overlay[opened]')", dialogShows)));
        return problems;
    }

    /** At phone width: opens the drawer with its toggle and checks what it shows; empty if there is no toggle on screen. */
    List<String> checkOpenedDrawer(String page) {
        List<WebElement> toggles = driver.findElements(By.cssSelector("vaadin-drawer-toggle"));
        if (toggles.isEmpty() || !toggles.get(0).isDisplayed()) {
            return List.of();
        }
        toggles.get(0).click();
        new WebDriverWait(driver, PageObject.TIMEOUT, Duration.ofMillis(100)).until(d -> Boolean.TRUE.equals(js("""
                const layout = document.querySelector('vaadin-app-layout');
                const drawer = layout && layout.shadowRoot && layout.shadowRoot.querySelector('[part=drawer]');
                return !!layout && layout.hasAttribute('drawer-opened') && !!drawer
                    && drawer.getBoundingClientRect().left >= 0 && drawer.getAnimations({subtree: true}).length === 0;
                """)));
        List<String> problems = LayoutCheck.problemsInDrawerOf(driver, size.phone()).stream().map(LayoutCheck.Problem::toString).toList();
        screenshot(page);
        js("document.querySelector('vaadin-app-layout').drawerOpened = false");
        new WebDriverWait(driver, PageObject.TIMEOUT, Duration.ofMillis(100)).until(d -> Boolean.TRUE.equals(
                js("return !document.querySelector('vaadin-app-layout').hasAttribute('drawer-opened')")));
        return problems;
    }

    private void screenshot(String page) {
        String name = (role + "-" + page + "-" + size.width()).replaceAll("[^A-Za-z0-9._-]+", "-") + ".png";
        try {
            Files.createDirectories(SCREENS);
            Files.write(SCREENS.resolve(name), fullPage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The whole page, down to its end (at most 6000 px), at the window's width. */
    private byte[] fullPage() {
        long height = ((Number) js("return Math.min(Math.max(document.documentElement.scrollHeight, window.innerHeight), 6000)")).longValue();
        if (driver instanceof HasCdp cdp && height > size.height()) {
            Map<String, Object> shot = cdp.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                    "captureBeyondViewport", true,
                    "clip", Map.of("x", 0, "y", 0, "width", size.width(), "height", height, "scale", 1)));
            return Base64.getDecoder().decode(String.valueOf(shot.get("data")));
        }
        return ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }
}

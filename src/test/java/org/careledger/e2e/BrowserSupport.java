package org.careledger.e2e;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.chromium.HasCdp;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * A real headless Chromium for the browser tests. Register it as a static {@code @RegisterExtension}
 * field: it looks for the browser before the class starts, so a machine without Chromium skips the
 * class before Spring even starts.
 *
 * <p>One browser serves every test of the run (starting one and loading the portal's scripts into a
 * cold profile cost about six seconds a test on 2 cores), and every test starts as if in a fresh one:
 * signed out (no cookies), the portal's storage emptied, on a blank page, in a 1280×900 window.
 * After a test that failed, the browser is closed and the next test gets a new one, so a failure
 * never spills into the tests after it.
 *
 * <p>Chromium is found at {@code $CHROME_BIN}, {@code /usr/bin/chromium} or
 * {@code /usr/bin/chromium-browser}; its driver at {@code $CHROMEDRIVER} or {@code /usr/bin/chromedriver}.
 * Both are given to Selenium explicitly, so Selenium Manager never runs (it would try to download a
 * browser). Without them the tests are skipped with a loud message, except under {@code CI=true},
 * where they fail: CI must never pass by not running the browser tests.
 *
 * <p>Every test also runs under the portal's Content-Security-Policy and Permissions-Policy: the
 * browser's console log is kept, and a test whose page reported a policy violation (a script,
 * style, image or connection the policy refused) or a policy the browser could not parse fails
 * after it ends, with the lines the browser logged. A violation means a view is broken in a real
 * browser even when the test's own assertions passed.
 */
public final class BrowserSupport implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback {

    static final String INSTALL_COMMAND = "sudo apt-get install -y chromium chromium-driver";

    private static final List<String> ARGS = List.of("--headless=new", "--no-sandbox", "--disable-gpu",
            "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--disable-dev-shm-usage", "--lang=en-GB");

    private final UnaryOperator<String> env;
    private final List<String> chromiumPaths;
    private final List<String> driverPaths;
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(BrowserSupport.class);

    private File browser;
    private File driverExecutable;
    private WebDriver driver;

    public BrowserSupport() {
        this(System::getenv, List.of("/usr/bin/chromium", "/usr/bin/chromium-browser"), List.of("/usr/bin/chromedriver"));
    }

    /** For testing the look-up itself: where to look and what the environment says. */
    BrowserSupport(UnaryOperator<String> env, List<String> chromiumPaths, List<String> driverPaths) {
        this.env = env;
        this.chromiumPaths = chromiumPaths;
        this.driverPaths = driverPaths;
    }

    /** The browser of the running test. */
    public WebDriver driver() {
        if (driver == null) {
            throw new IllegalStateException("No browser: BrowserSupport must be a @RegisterExtension field");
        }
        return driver;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        Optional<File> chromium = firstExecutable(env.apply("CHROME_BIN"), chromiumPaths);
        Optional<File> chromedriver = firstExecutable(env.apply("CHROMEDRIVER"), driverPaths);
        if (chromium.isPresent() && chromedriver.isPresent()) {
            browser = chromium.get();
            driverExecutable = chromedriver.get();
            return;
        }
        String missing = (chromium.isEmpty() ? "Chromium (looked at $CHROME_BIN, /usr/bin/chromium, /usr/bin/chromium-browser)" : "")
                + (chromium.isEmpty() && chromedriver.isEmpty() ? " and " : "")
                + (chromedriver.isEmpty() ? "chromedriver (looked at $CHROMEDRIVER, /usr/bin/chromedriver)" : "");
        boolean ci = "true".equalsIgnoreCase(env.apply("CI"));
        String message = "\n"
                + "**********************************************************************\n"
                + "* BROWSER TESTS " + (ci ? "FAILED" : "SKIPPED") + ": " + context.getDisplayName() + "\n"
                + "* Missing: " + missing + "\n"
                + "* Install them with:  " + INSTALL_COMMAND + "\n"
                + (ci ? "* CI=true: browser tests must run in CI, so this is a failure.\n"
                      : "* (Under CI=true this is a failure, not a skip.)\n")
                + "**********************************************************************\n";
        System.err.println(message);
        if (ci) {
            throw new IllegalStateException(message);
        }
        Assumptions.abort(message);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        driver = runBrowser(context).driver;
        driver.manage().window().setSize(new Dimension(1280, 900));
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (driver == null) {
            return;
        }
        boolean failed = context.getExecutionException().isPresent();
        boolean reusable = !failed;
        try {
            if (failed) {
                keepEvidence(context);
            }
            try {
                leavePage(driver);
            } catch (RuntimeException e) {
                reusable = false;
            }
            // after leaving the page, so that whatever it reported on its way out counts too
            assertNoPolicyViolations(driver, context.getDisplayName());
        } finally {
            try {
                if (reusable) {
                    signOutEverywhere(driver);
                }
            } catch (RuntimeException e) {
                reusable = false;
            } finally {
                driver = null;
                if (!reusable) {
                    Browser closing = context.getRoot().getStore(NAMESPACE).remove(Browser.class, Browser.class);
                    if (closing != null) {
                        closing.close();
                    }
                }
            }
        }
    }

    /** The run's browser, started by the first test that needs it; JUnit closes it when the run ends. */
    private Browser runBrowser(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(Browser.class, key -> Browser.start(browser, driverExecutable), Browser.class);
    }

    /** Empties the storage of the page's origin (local, session, IndexedDB, caches) and leaves it for a blank page. */
    private static void leavePage(WebDriver driver) {
        String url = driver.getCurrentUrl();
        if (url != null && url.startsWith("http")) {
            ((JavascriptExecutor) driver).executeScript("window.sessionStorage.clear(); window.localStorage.clear();");
            String origin = URI.create(url).resolve("/").toString().replaceAll("/$", "");
            ((HasCdp) driver).executeCdpCommand("Storage.clearDataForOrigin", Map.of("origin", origin,
                    "storageTypes", "cookies,local_storage,indexeddb,websql,file_systems,service_workers,cache_storage"));
        }
        driver.get("about:blank");
    }

    /** Clears every cookie the browser holds, whichever site set it: the next test starts signed out. */
    private static void signOutEverywhere(WebDriver driver) {
        ((HasCdp) driver).executeCdpCommand("Network.clearBrowserCookies", Map.of());
    }

    /** A running Chromium with its driver and profile directory, closed as a whole. */
    private record Browser(WebDriver driver, ChromeDriverService service, Path profileDir)
            implements ExtensionContext.Store.CloseableResource {

        static Browser start(File browser, File driverExecutable) {
            Path profileDir;
            try {
                profileDir = Files.createTempDirectory("careledger-chromium-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            ChromeOptions options = new ChromeOptions();
            options.setBinary(browser);
            options.addArguments(ARGS);
            options.addArguments("--user-data-dir=" + profileDir.toAbsolutePath());
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.BROWSER, Level.ALL);
            options.setCapability("goog:loggingPrefs", logs);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(driverExecutable)
                    .usingAnyFreePort()
                    .build();
            return new Browser(new ChromeDriver(service, options), service, profileDir);
        }

        @Override
        public void close() {
            try {
                driver.quit();
            } finally {
                try {
                    service.stop();
                } finally {
                    deleteQuietly(profileDir);
                }
            }
        }
    }

    /**
     * The browser's log lines since the last call that report a Content-Security-Policy violation
     * or a policy header the browser rejected; reading them empties the browser's log.
     */
    public List<String> takePolicyViolations() {
        return takePolicyViolations(driver());
    }

    private static List<String> takePolicyViolations(WebDriver driver) {
        return policyViolations(driver.manage().logs().get(LogType.BROWSER).getAll());
    }

    /** Fails, naming the test and quoting the browser, if the browser logged a policy violation since the last look. */
    static void assertNoPolicyViolations(WebDriver driver, String test) {
        List<String> violations = takePolicyViolations(driver);
        if (!violations.isEmpty()) {
            throw new AssertionError("The browser reported " + violations.size() + " security policy violation(s) during " + test
                    + " (a view needs something the portal's Content-Security-Policy or Permissions-Policy forbids;"
                    + " see SecurityConfiguration):\n  " + String.join("\n  ", violations));
        }
    }

    /** The lines among {@code entries} that report a refused resource or a broken policy. */
    static List<String> policyViolations(List<LogEntry> entries) {
        return entries.stream()
                .map(LogEntry::getMessage)
                .filter(BrowserSupport::isPolicyProblem)
                .toList();
    }

    private static boolean isPolicyProblem(String message) {
        return message.contains("Content Security Policy") || message.contains("Content-Security-Policy")
                || message.contains("Refused to") || message.contains("Permissions-Policy");
    }

    /** After a failure: a screenshot and the page's HTML under target/e2e-failures/, for a person to look at. */
    private void keepEvidence(ExtensionContext context) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "e2e-failures"));
            String name = (context.getRequiredTestClass().getSimpleName() + "-" + context.getDisplayName())
                    .replaceAll("[^A-Za-z0-9._-]+", "_");
            byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
            Files.write(dir.resolve(name + ".png"), png);
            Files.writeString(dir.resolve(name + ".html"), driver.getCurrentUrl() + "\n" + driver.getPageSource());
            System.err.println("Browser test failed at " + driver.getCurrentUrl() + "; screenshot and HTML in "
                    + dir.toAbsolutePath().resolve(name) + ".{png,html}");
        } catch (RuntimeException | IOException e) {
            System.err.println("Could not keep the failed browser test's screenshot: " + e);
        }
    }

    private static Optional<File> firstExecutable(String fromEnv, List<String> candidates) {
        return Stream.concat(Stream.of(fromEnv), candidates.stream())
                .filter(c -> c != null && !c.isBlank())
                .map(File::new)
                .filter(f -> f.isFile() && f.canExecute())
                .findFirst();
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a leftover temp profile is harmless
        }
    }
}

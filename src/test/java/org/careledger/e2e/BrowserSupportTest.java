package org.careledger.e2e;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.logging.LogEntries;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.opentest4j.TestAbortedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * Without Chromium the browser tests skip on a developer's machine and fail under CI=true; a page that
 * breaks the security policy fails its test. (ContentSecurityPolicyIT checks the same in a real browser.)
 */
class BrowserSupportTest {

    private final ExtensionContext context = mock(ExtensionContext.class);

    // lines as Chromium 156 logs them (console source "security"), and an older Chromium's wording
    private static final String REFUSED_IMAGE = "http://localhost:8080/patient - Loading the image 'https://example.invalid/x.png' "
            + "violates the following Content Security Policy directive: \"img-src 'self'\". The action has been blocked.";
    private static final String REFUSED_EVAL = "http://localhost:8080/VAADIN/build/FlowClient.js 0 Evaluating a string as JavaScript "
            + "violates the following Content Security Policy directive because 'unsafe-eval' is not an allowed source of script: \"script-src 'self'\".";
    private static final String REFUSED_CONNECTION_OLDER_WORDING = "http://localhost:8080/login - Refused to connect to "
            + "'https://example.invalid/collect' because it violates the document's Content Security Policy.";
    private static final String BAD_PERMISSIONS_POLICY = "security - Error with Permissions-Policy header: Unrecognized feature: 'bluetooth'.";
    private static final String HARMLESS = "http://localhost:8080/VAADIN/static/push/vaadinPush-min.js 0:42451 \"Websocket successfully opened\"";

    BrowserSupportTest() {
        when(context.getDisplayName()).thenReturn("PortalJourneyIT");
    }

    private static BrowserSupport lookingNowhere(Map<String, String> env) {
        return new BrowserSupport(env::get, List.of("/nonexistent/chromium"), List.of("/nonexistent/chromedriver"));
    }

    @Test
    void skipsWithTheInstallCommandWhenChromiumIsMissing() {
        assertThatThrownBy(() -> lookingNowhere(Map.of()).beforeAll(context))
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining(BrowserSupport.INSTALL_COMMAND)
                .hasMessageContaining("SKIPPED");
    }

    @Test
    void failsUnderCiWhenChromiumIsMissing() {
        assertThatThrownBy(() -> lookingNowhere(Map.of("CI", "true")).beforeAll(context))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(BrowserSupport.INSTALL_COMMAND)
                .hasMessageContaining("FAILED");
    }

    @Test
    void findsBrowserAndDriverNamedByTheEnvironment() {
        // any executable file will do for the look-up; the shell stands in for both
        BrowserSupport support = lookingNowhere(Map.of("CHROME_BIN", "/bin/sh", "CHROMEDRIVER", "/bin/sh", "CI", "true"));
        assertThatCode(() -> support.beforeAll(context)).doesNotThrowAnyException();
    }

    private static LogEntry logged(String message) {
        return new LogEntry(Level.SEVERE, 0L, message);
    }

    private static WebDriver browserThatLogged(String... messages) {
        WebDriver driver = mock(WebDriver.class, RETURNS_DEEP_STUBS);
        when(driver.manage().logs().get(LogType.BROWSER))
                .thenReturn(new LogEntries(Arrays.stream(messages).map(BrowserSupportTest::logged).toList()));
        return driver;
    }

    @Test
    void picksOutRefusedResourcesAndRejectedPoliciesButNotOrdinaryConsoleLines() {
        List<String> found = BrowserSupport.policyViolations(
                List.of(logged(HARMLESS), logged(REFUSED_IMAGE), logged(REFUSED_EVAL), logged(REFUSED_CONNECTION_OLDER_WORDING),
                        logged(BAD_PERMISSIONS_POLICY)));
        assertThat(found).containsExactly(REFUSED_IMAGE, REFUSED_EVAL, REFUSED_CONNECTION_OLDER_WORDING, BAD_PERMISSIONS_POLICY);
    }

    @Test
    void aTestWhosePageBrokeThePolicyFailsQuotingTheBrowser() {
        assertThatThrownBy(() -> BrowserSupport.assertNoPolicyViolations(browserThatLogged(HARMLESS, REFUSED_IMAGE), "MyRecordIT"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("1 security policy violation(s) during MyRecordIT")
                .hasMessageContaining("https://example.invalid/x.png")
                .hasMessageNotContaining("Websocket successfully opened");
    }

    @Test
    void aTestWhosePageKeptThePolicyPasses() {
        assertThatCode(() -> BrowserSupport.assertNoPolicyViolations(browserThatLogged(HARMLESS), "MyRecordIT"))
                .doesNotThrowAnyException();
    }
}

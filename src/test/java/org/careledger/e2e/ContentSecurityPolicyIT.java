package org.careledger.e2e;

import java.util.ArrayList;
import java.util.List;

import org.careledger.IntegrationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The browser check that every browser test runs under can fail: a portal page made to load what
 * the Content-Security-Policy forbids (as injected markup would) is refused by Chromium, and
 * {@link BrowserSupport} reports it. Without this test a check that never matched would pass silently.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ContentSecurityPolicyIT extends IntegrationTest {

    @RegisterExtension
    static final BrowserSupport browser = new BrowserSupport();

    @LocalServerPort
    int port;

    @Test
    @DisplayName("an image and a request to another origin, inserted into the login page, are refused and reported")
    void aForeignImageAndRequestAreRefusedAndReported() {
        new LoginPage(browser.driver(), "http://localhost:" + port + "/").open();
        assertThat(browser.takePolicyViolations()).as("the login page as served keeps the policy").isEmpty();

        ((JavascriptExecutor) browser.driver()).executeScript("""
                const img = document.createElement('img');
                img.src = 'https://example.invalid/x.png';
                document.body.appendChild(img);
                fetch('https://example.invalid/collect').catch(() => {});
                """);

        List<String> reported = new ArrayList<>();
        new WebDriverWait(browser.driver(), PageObject.TIMEOUT, PageObject.POLL).until(d -> {
            reported.addAll(browser.takePolicyViolations());
            return reported.stream().filter(line -> line.contains("example.invalid")).count() >= 2;
        });
        assertThat(reported)
                .anySatisfy(line -> assertThat(line).contains("https://example.invalid/x.png").contains("img-src 'self'"))
                .anySatisfy(line -> assertThat(line).contains("https://example.invalid/collect").contains("connect-src 'self'"));
        // everything reported was taken, so the check after the test passes
    }
}

package org.careledger.e2e;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.TestAbortedException;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** Without Chromium the browser tests skip on a developer's machine and fail under CI=true. */
class BrowserSupportTest {

    private final ExtensionContext context = mock(ExtensionContext.class);

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
}

package org.careledger.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.careledger.analytics.internal.Rebuild;
import org.junit.jupiter.api.Test;

/** The rebuild command's arguments and what it prints: the exit code says whether the live model was right. */
class AnalyticsCommandTest {

    @Test
    void onlyRebuildWithAnOptionalDataDirectoryIsAccepted() {
        assertThat(AnalyticsCommand.properties(new String[] {"analytics", "rebuild"})).containsEntry(AnalyticsCommand.PROPERTY, "rebuild")
                .doesNotContainKey("careledger.data-dir");
        assertThat(AnalyticsCommand.properties(new String[] {"analytics", "rebuild", "--data-dir", "/srv/careledger"}))
                .containsEntry("careledger.data-dir", "/srv/careledger");
        for (String[] wrong : List.of(new String[] {"analytics"}, new String[] {"analytics", "rebuilt"},
                new String[] {"analytics", "rebuild", "--data-dir"}, new String[] {"analytics", "rebuild", "--dir", "x"})) {
            assertThatThrownBy(() -> AnalyticsCommand.properties(wrong)).hasMessageStartingWith("usage: analytics rebuild");
        }
    }

    @Test
    void differencesAreListedAndExitOne() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = AnalyticsCommand.print(new Rebuild.Report(10, 11, 200, 201, List.of("missing from the live model: diagnoses x")),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("10 facts and 200 cells before, 11 facts and 201 cells rebuilt",
                "1 differences (the rebuilt read model is kept):", "  missing from the live model: diagnoses x");

        out.reset();
        assertThat(AnalyticsCommand.print(new Rebuild.Report(10, 10, 200, 200, List.of()), new PrintStream(out, true, StandardCharsets.UTF_8)))
                .isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("no differences");
    }
}

package org.careledger.inbox;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kills the whole application between the commit of a doctor's access request and the inbox's
 * listener for it, then starts it again: the patient is told exactly once (the event publication
 * registry kept the event with the request's own transaction and published it again at the start),
 * and the request reached the ledger.
 */
@Execution(ExecutionMode.CONCURRENT) // beside the rest of the suite: see src/test/resources/junit-platform.properties
class InboxEventsCrashTest {

    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void anEventWhoseListenerDidNotRunBeforeACrashIsDeliveredOnceAfterTheRestart() throws Exception {
        Path dataDir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "test-data")).toAbsolutePath(), "events-crash-");

        Run killed = run(dataDir, "request");
        assertThat(killed.exitCode()).as("killed right after the commit: " + killed.lines()).isEqualTo(HaltAfterCommit.EXIT_CODE);
        assertThat(killed.lines()).contains("HALTING");

        Run check = run(dataDir, "check");
        assertThat(check.exitCode()).as("check run: " + check.lines()).isZero();
        assertThat(check.lines()).as("the patient is told once").contains("NOTIFIED 1");
        assertThat(check.lines()).as("the request is on the ledger").contains("REQUESTS 1");
        assertThat(check.lines()).as("nothing is left to deliver").contains("UNDELIVERED 0");
    }

    private record Run(int exitCode, List<String> lines) {
    }

    private static Run run(Path dataDir, String mode) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                EventsCrashDriver.class.getName(), dataDir.toString(), mode);
        Process child = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                lines.add(line);
            }
        }
        return new Run(child.waitFor(), lines);
    }
}

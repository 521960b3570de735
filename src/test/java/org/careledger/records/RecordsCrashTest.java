package org.careledger.records;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.careledger.cli.LedgerCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kills the whole application with SIGKILL while patients add entries and doctors read them, twice
 * at random moments, then starts it once more: every entry that was reported stored is still there
 * with its payload and ends up anchored and verified, every completed read is on the ledger's audit,
 * nothing the portal queued failed, and the ledger verifies.
 */
@Execution(ExecutionMode.CONCURRENT) // beside the rest of the suite: see src/test/resources/junit-platform.properties
class RecordsCrashTest {

    private static final int KILLS = 2;

    @Test
    @Timeout(value = 8, unit = TimeUnit.MINUTES)
    void killedMidWayTheRecordAndTheLedgerStillAgreeAfterARestart() throws Exception {
        killTwiceThenCheck(List.of());
    }

    /** The test itself, its children started with {@code jvmOptions} too (PostgresRecordsCrashTest names its database there). */
    static void killTwiceThenCheck(List<String> jvmOptions) throws Exception {
        Path dataDir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "test-data")).toAbsolutePath(), "records-crash-");
        Random random = new Random();
        Set<String> stored = new LinkedHashSet<>();
        long entriesRead = 0;
        for (int round = 0; round < KILLS; round++) {
            Process child = start(dataDir, "work", jvmOptions);
            int killAfter = 4 + random.nextInt(6);
            int storedThisRound = 0;
            List<String> output = new ArrayList<>();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) {
                    output.add(line);
                    if (line.startsWith("STORED ")) {
                        stored.add(line.substring(7));
                        storedThisRound++;
                    } else if (line.startsWith("READ ")) {
                        entriesRead += Long.parseLong(line.substring(5));
                    } else if (line.startsWith("TIMEOUT")) {
                        throw new AssertionError("round " + round + ": the child timed out waiting for the ledger; its output is in "
                                + keep(dataDir, "work-" + round, output));
                    }
                    if (storedThisRound >= killAfter) {
                        child.destroyForcibly();
                        break;
                    }
                }
            } finally {
                child.destroyForcibly().waitFor();
                keep(dataDir, "work-" + round, output);
            }
            assertThat(storedThisRound).as("round " + round + " stored entries before the kill").isGreaterThanOrEqualTo(killAfter);
        }

        Process check = start(dataDir, "check", jvmOptions);
        List<String> lines = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(check.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                lines.add(line);
            }
        }
        assertThat(check.waitFor()).as("check run (output in " + keep(dataDir, "check", lines) + ")").isZero();
        Map<String, String> integrity = lines.stream().filter(l -> l.startsWith("ENTRY ")).map(l -> l.split(" "))
                .collect(Collectors.toMap(p -> p[1], p -> p[2]));
        assertThat(integrity.keySet()).as("every entry reported stored").containsAll(stored);
        assertThat(stored).allSatisfy(id -> assertThat(integrity.get(id)).as(id).isEqualTo("VERIFIED"));
        long accessEvents = lines.stream().filter(l -> l.startsWith("ACCESS ")).mapToLong(l -> Long.parseLong(l.substring(7))).sum();
        assertThat(accessEvents).as("every completed read is audited").isGreaterThanOrEqualTo(entriesRead);
        assertThat(lines).as("nothing the portal queued was refused").contains("REFUSED 0");

        java.io.ByteArrayOutputStream verifyOut = new java.io.ByteArrayOutputStream();
        int code = LedgerCli.run(new String[] {"ledger", "verify", "--data-dir", dataDir.toString()},
                new java.io.PrintStream(verifyOut, true, StandardCharsets.UTF_8), new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
        assertThat(code).as(verifyOut.toString(StandardCharsets.UTF_8)).isZero();
    }

    /** Keeps a child's output (its log lines too) beside its data directory, for a failure to be read. */
    private static Path keep(Path dataDir, String name, List<String> output) throws IOException {
        return Files.write(dataDir.resolveSibling(dataDir.getFileName() + "-" + name + ".log"), output);
    }

    private static Process start(Path dataDir, String mode, List<String> jvmOptions) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), RecordsCrashDriver.class.getName(), dataDir.toString(), mode));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }
}

package org.careledger.cli;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kills a bench process with SIGKILL at random moments, three times on the same data directory (it
 * is restarted twice, the house rule for kill tests): the first and the last kill come at a random
 * time after the run's first committed block, the second at a random time after the process started
 * (while it opens and replays the store, signs, or mines). After every kill the directory verifies
 * (a torn tail is allowed), every block the killed process reported committed is still there, every
 * transfer it reported committed is on the chain, and the next run resumes the chain.
 */
@Execution(ExecutionMode.CONCURRENT) // beside the rest of the suite: see src/test/resources/junit-platform.properties
class BenchCrashTest {

    private static final Pattern COMMITTED = Pattern.compile("(?:committed|retracted) height=(\\d+) txs=\\d+ total=(\\d+).*");
    private static final Pattern VALID = Pattern.compile("valid height=(\\d+) transactions=(\\d+) tip=[0-9a-f]{64}");
    /** A first run and two restarts: ten runs took 38 s of the build; every check is still made after each kill. */
    private static final int KILLS = 3;
    private static final long BUDGET_NANOS = TimeUnit.SECONDS.toNanos(150);

    @TempDir
    Path dataDir;

    @Test
    void everyCommittedBlockSurvivesRepeatedKillsAndTheStoreAlwaysVerifies() throws Exception {
        Random random = new Random(42);
        long start = System.nanoTime();
        int kills = 0;
        long verifiedHeight = 0;
        long transfersBefore = 0; // committed by earlier runs, as verify counted them
        List<String> log = new ArrayList<>();
        int run = 0;
        while (kills < KILLS && System.nanoTime() - start < BUDGET_NANOS) {
            boolean early = run++ % 2 == 1; // the first run is killed late, so a store exists from then on
            Process bench = startBench();
            AtomicLong committedHeight = new AtomicLong(-1);
            AtomicLong committedTotal = new AtomicLong(0);
            CountDownLatch firstCommit = new CountDownLatch(1);
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(bench.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = in.readLine()) != null; ) {
                        Matcher m = COMMITTED.matcher(line);
                        if (m.matches()) {
                            if (line.startsWith("committed")) {
                                committedHeight.accumulateAndGet(Long.parseLong(m.group(1)), Math::max);
                            }
                            committedTotal.set(Long.parseLong(m.group(2)));
                            firstCommit.countDown();
                        }
                    }
                } catch (Exception e) {
                    // the process was killed
                }
                firstCommit.countDown();
            });
            reader.start();
            if (early) {
                Thread.sleep(200 + random.nextInt(3000)); // wherever the process is by then
            } else {
                assertThat(firstCommit.await(30, TimeUnit.SECONDS)).as("the bench committed a block").isTrue();
                Thread.sleep(300 + random.nextInt(1700));
            }
            boolean killed = bench.isAlive();
            bench.destroyForcibly();
            assertThat(bench.waitFor(20, TimeUnit.SECONDS)).isTrue();
            reader.join(5000);
            if (killed) {
                kills++;
            } else {
                assertThat(bench.exitValue()).as("a bench that was not killed succeeds").isZero();
            }
            Cli verify = Cli.run("ledger", "verify", "--data-dir", dataDir.toString());
            log.add("run " + run + (early ? " (killed at a random time)" : " (killed after a commit)") + ": committed up to "
                    + committedHeight.get() + ", " + committedTotal.get() + " transfers; " + verify.lastLine());
            assertThat(verify.exitCode()).as(String.join("\n", log) + "\n" + verify.out()).isZero();
            Matcher valid = VALID.matcher(verify.lastLine());
            assertThat(valid.matches()).as(verify.out()).isTrue();
            long height = Long.parseLong(valid.group(1));
            assertThat(height).as("every block reported committed is still on every node").isGreaterThanOrEqualTo(committedHeight.get());
            assertThat(height).as("the chain never shrinks").isGreaterThanOrEqualTo(verifiedHeight);
            long transfers = Long.parseLong(valid.group(2)); // the bench's chain holds nothing else
            assertThat(transfers).as(String.join("\n", log) + "\nevery transfer reported committed is on the chain")
                    .isGreaterThanOrEqualTo(transfersBefore + committedTotal.get());
            verifiedHeight = height;
            transfersBefore = transfers;
        }
        assertThat(kills).as(String.join("\n", log)).isGreaterThanOrEqualTo(KILLS);
        System.out.printf("%d kills in %.1f s%n%s%n", kills, (System.nanoTime() - start) / 1e9, String.join("\n", log));
    }

    private Process startBench() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, "-XX:+UseSerialGC", "-Xshare:auto", "-cp", System.getProperty("java.class.path"),
                LedgerCli.class.getName(), "ledger", "bench", "--data-dir", dataDir.toString(), "--transactions", "150",
                "--rate", "75", "--threads", "1", "--warm-up", "0", "--resume");
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }
}

package org.careledger.pharmacy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kills the whole application with SIGKILL while a pharmacist dispenses and the patient pays the
 * invoices: once at a random moment of the work, once right after a payment's service call
 * returned (its transaction submitted, not yet mined; the child sends the SIGKILL to itself there, since
 * this test's kill, read from the child's output, came half a second late once on a busy machine, when
 * the payment was mined already), then starts it a last time to check. Every
 * dispensing the service acknowledged has its invoice on the chain and its portal row the
 * invoice's id, every payment acknowledged is paid, no invoice moved its total twice (the payer's
 * and the payee's balances agree with the paid invoices and the fees), and no token was created or
 * lost.
 */
@Execution(ExecutionMode.CONCURRENT) // beside the rest of the suite: see src/test/resources/junit-platform.properties
class PrescriptionCrashTest {

    private static final long ROUND_SECONDS = 40;
    /** How long the child may take to start (to print READY): a whole portal on a busy 2-core machine. */
    private static final long START_SECONDS = 120;

    @Test
    // a guard against a hang, as long as RecordsCrashTest's: the test takes about 50-70 s on 2 cores, and more beside the rest
    // of the suite (it runs concurrently with it) on a machine someone else is using too (207 s once, at a load of 12)
    @Timeout(value = 8, unit = TimeUnit.MINUTES)
    void killedWhileDispensingAndPayingNoFillLosesItsInvoiceAndNoInvoiceIsPaidTwice() throws Exception {
        Path dataDir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "test-data")).toAbsolutePath(), "rx-crash-");
        Random random = new Random();
        long supplyBefore = -1;
        long patientBefore = 0;
        long pharmacyBefore = 0;
        long patientFeesBefore = 0;
        Map<String, String> acknowledgedFills = new LinkedHashMap<>(); // fill id -> tx id at the acknowledgement, or "-"
        Map<String, Long> killedAt = new LinkedHashMap<>();            // fill id or invoice id acknowledged -> when its round was killed
        List<String> acknowledgedPayments = new ArrayList<>();
        List<Long> kills = new ArrayList<>();
        for (int round = 0; round < 2; round++) {
            boolean atRandom = round == 0;
            int killAfterFills = 2 + random.nextInt(3);
            long randomDelay = random.nextInt(600);
            Process child = start(dataDir, atRandom ? "work" : PrescriptionCrashDriver.KILL_AFTER_PAYMENT);
            List<String> output = new ArrayList<>();
            List<String> roundAcks = new ArrayList<>();
            int fills = 0;
            int payments = 0;
            long killTime = 0;
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                // the child's start (a whole portal, slow on a busy machine) has a bound of its own; the work is bounded from READY
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_SECONDS);
                for (String line; (line = out.readLine()) != null; ) {
                    output.add(line);
                    String[] p = line.split(" ");
                    if (p[0].equals("READY") && supplyBefore < 0) {
                        supplyBefore = Long.parseLong(p[1]);
                        patientBefore = Long.parseLong(p[2]);
                        pharmacyBefore = Long.parseLong(p[3]);
                        patientFeesBefore = Long.parseLong(p[4]);
                        deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(ROUND_SECONDS);
                    } else if (p[0].equals("DISPENSED")) {
                        acknowledgedFills.put(p[1], p[2]);
                        roundAcks.add(p[1]);
                        fills++;
                    } else if (p[0].equals("PAID")) {
                        acknowledgedPayments.add(p[1]);
                        roundAcks.add(p[1]);
                        payments++;
                    } else if (p[0].equals("TIMEOUT")) {
                        throw new AssertionError("round " + round + ": the child timed out; its output is in " + keep(dataDir, "work-" + round, output));
                    }
                    boolean kill = atRandom ? fills >= killAfterFills : fills >= 1 && p[0].equals("PAID");
                    if (kill) {
                        if (atRandom) {
                            Thread.sleep(randomDelay);
                        }
                        killTime = System.currentTimeMillis();
                        child.destroyForcibly(); // SIGKILL
                        break;
                    }
                    if (System.nanoTime() > deadline) {
                        throw new AssertionError("round " + round + " did not reach its kill within " + ROUND_SECONDS + " s of starting work (or "
                                + START_SECONDS + " s of starting the child); its output is in "
                                + keep(dataDir, "work-" + round, output));
                    }
                }
            } finally {
                child.destroyForcibly().waitFor();
                keep(dataDir, "work-" + round, output);
            }
            assertThat(killTime).as("round %d was killed mid-work (output %s)", round, output).isPositive();
            assertThat(fills).as("round %d: dispensings acknowledged before the kill", round).isPositive();
            if (!atRandom) {
                assertThat(payments).as("round %d: killed right after a payment returned", round).isPositive();
            }
            for (String id : roundAcks) {
                killedAt.put(id, killTime);
            }
            kills.add(killTime);
            System.out.printf("round %d: %d dispensings and %d payments acknowledged, killed %s, last line: %s%n", round, fills, payments,
                    atRandom ? randomDelay + " ms after dispensing " + killAfterFills : "right after a payment returned",
                    output.get(output.size() - 1));
        }
        assertThat(supplyBefore).as("the first round got ready").isPositive();

        Process check = start(dataDir, "check");
        List<String> lines = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(check.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                lines.add(line);
            }
        }
        assertThat(check.waitFor()).as("check run (output in " + keep(dataDir, "check", lines) + ")").isZero();

        String[] accounts = field(lines, "ACCOUNTS");
        Map<String, String[]> fillRows = byFirstField(lines, "FILL");
        Map<String, String[]> invoices = byFirstField(lines, "INVOICE");
        Map<String, String[]> payments = byFirstField(lines, "PAYMENT");
        int settledAfterItsKill = 0;
        for (Map.Entry<String, String> ack : acknowledgedFills.entrySet()) {
            String[] row = fillRows.get(ack.getKey());
            assertThat(row).as("the acknowledged dispensing %s has its portal row", ack.getKey()).isNotNull();
            assertThat(row[4]).as("dispensing %s was not refused", ack.getKey()).isEqualTo("-");
            assertThat(row[1]).as("dispensing %s has its chain id once the outbox settled", ack.getKey()).isNotEqualTo("-");
            if (!ack.getValue().equals("-")) {
                assertThat(row[1]).as("dispensing %s is the transaction the service acknowledged", ack.getKey()).isEqualTo(ack.getValue());
            }
            String[] invoice = invoices.get(row[1]);
            assertThat(invoice).as("the acknowledged dispensing %s has its invoice on chain", ack.getKey()).isNotNull();
            assertThat(invoice[1]).isIn("OPEN", "PAID");
            assertThat(invoice[2]).as("one tablet at the catalogue's 0.91 tokens").isEqualTo("910000");
            assertThat(invoice[3] + " " + invoice[4]).as("payer the patient, payee the pharmacy").isEqualTo(accounts[1] + " " + accounts[2]);
            if (Long.parseLong(row[3]) > killedAt.get(ack.getKey())) {
                settledAfterItsKill++;
            }
        }
        for (String invoiceId : acknowledgedPayments) {
            String[] invoice = invoices.get(invoiceId);
            assertThat(invoice).as("the invoice %s whose payment was acknowledged", invoiceId).isNotNull();
            assertThat(invoice[1]).as("invoice %s, whose payment was acknowledged, is paid", invoiceId).isEqualTo("PAID");
            if (Long.parseLong(invoice[6]) > killedAt.get(invoiceId)) {
                settledAfterItsKill++;
            }
        }
        assertThat(settledAfterItsKill).as("at least one acknowledged dispensing or payment was still in flight at its kill "
                + "and was mined only after the restart").isPositive();

        long paidTotal = 0;
        for (String[] invoice : invoices.values()) {
            if (invoice[1].equals("PAID")) {
                paidTotal += Long.parseLong(invoice[2]);
                assertThat(payments).as("invoice %s's payment is one of the patient's transactions in a block", invoice[0])
                        .containsKey(invoice[5]);
            }
        }
        long paid = invoices.values().stream().filter(i -> i[1].equals("PAID")).count();
        assertThat(payments).as("each payment in a block paid a different invoice, once").hasSize((int) paid);
        assertThat(paidTotal).as("something was paid across the kills").isPositive();
        String[] balances = field(lines, "BALANCES");
        String[] fees = field(lines, "FEES");
        assertThat(Long.parseLong(fees[2])).as("the pharmacy's account signed nothing").isZero();
        long patientFees = Long.parseLong(fees[1]) - patientFeesBefore;
        assertThat(Long.parseLong(balances[1])).as("the patient paid each paid invoice's total once, plus the fees of what was mined")
                .isEqualTo(patientBefore - paidTotal - patientFees);
        assertThat(Long.parseLong(balances[2])).as("the pharmacy received each paid invoice's total once")
                .isEqualTo(pharmacyBefore + paidTotal);
        assertThat(Long.parseLong(field(lines, "SUPPLY")[1])).as("no token was created or lost").isEqualTo(supplyBefore);
        assertThat(lines).as("nothing the portal queued was refused").noneMatch(l -> l.startsWith("OUTBOX_REFUSED"));
        System.out.printf("%d dispensings and %d payments acknowledged over %d kills; %d invoices on chain, %d paid (%d base units); "
                        + "%d settled only after their kill%n", acknowledgedFills.size(), acknowledgedPayments.size(), kills.size(),
                invoices.size(), paid, paidTotal, settledAfterItsKill);
    }

    private static Map<String, String[]> byFirstField(List<String> lines, String tag) {
        Map<String, String[]> out = new LinkedHashMap<>();
        for (String line : lines) {
            if (line.startsWith(tag + " ")) {
                String[] fields = line.substring(tag.length() + 1).split(" ");
                out.put(fields[0], fields);
            }
        }
        return out;
    }

    private static String[] field(List<String> lines, String tag) {
        return lines.stream().filter(l -> l.startsWith(tag + " ")).findFirst().orElseThrow(() -> new AssertionError("no " + tag + " in " + lines))
                .split(" ");
    }

    /** Keeps a child's output beside its data directory, for a failure to be read. */
    private static Path keep(Path dataDir, String name, List<String> output) throws IOException {
        return Files.write(dataDir.resolveSibling(dataDir.getFileName() + "-" + name + ".log"), output);
    }

    private static Process start(Path dataDir, String mode) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                PrescriptionCrashDriver.class.getName(), dataDir.toString(), mode);
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }
}

package org.careledger.explorer;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

import org.careledger.cli.LedgerCli;
import org.careledger.contracts.Contracts;
import org.careledger.crypto.Address;
import org.careledger.ledger.Genesis;
import org.careledger.ledger.GenesisJson;
import org.careledger.ledger.StoredChain;
import org.careledger.node.StoreAuditResult;
import org.careledger.node.StoreAudits;

/**
 * Measures the integrity audit's speed against {@code ledger verify} on the same store, in one run:
 * builds a store of N transfers with {@code ledger bench} (unless DIR holds one), then times, in
 * turns, {@code ledger verify} (signatures checked on every core) and the audit exactly as the portal
 * runs it ({@link StoreAudits#audit}, node after node on one lowest-priority daemon thread, no pool),
 * and for reference the same audit with a pool of lowest-priority threads, one per core. Prints each
 * round and the ratio audit speed / verify speed (= verify time / audit time). The issue asks >= 0.7.
 *
 * <pre>
 * ./mvnw -o -q test-compile && java -cp target/classes:target/test-classes:$(cat target/cp.txt) \
 *     org.careledger.explorer.AuditSpeed DIR [TRANSACTIONS=100000] [ROUNDS=3]
 * </pre>
 * ({@code ./mvnw -o -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt} writes the class path.)
 */
public final class AuditSpeed {

    private AuditSpeed() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int transactions = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        if (!Files.isDirectory(dir.resolve("nodes"))) {
            long t = System.nanoTime();
            int code = LedgerCli.run(new String[] {"bench", "--data-dir", dir.toString(), "--transactions", Integer.toString(transactions),
                    "--warm-up", "0"}, quiet, quiet);
            System.out.printf(Locale.ROOT, "bench built %s with %,d transfers in %.1f s (exit %d)%n", dir, transactions, secs(t), code);
        }
        Genesis genesis = GenesisJson.read(dir.resolve("genesis.json"), Contracts.standard());
        List<String> nodes = StoredChain.nodeNames(dir);
        System.out.printf(Locale.ROOT, "cores=%d nodes=%s%n", Runtime.getRuntime().availableProcessors(), nodes);
        double bestVerify = Double.MAX_VALUE;
        double bestAudit = Double.MAX_VALUE;
        double bestPooled = Double.MAX_VALUE;
        for (int r = 1; r <= rounds; r++) {
            long t = System.nanoTime();
            int code = LedgerCli.run(new String[] {"verify", "--data-dir", dir.toString()}, quiet, quiet);
            double verify = secs(t);
            double audit = audit(dir, genesis, nodes, false);
            double pooled = audit(dir, genesis, nodes, true);
            bestVerify = Math.min(bestVerify, verify);
            bestAudit = Math.min(bestAudit, audit);
            bestPooled = Math.min(bestPooled, pooled);
            System.out.printf(Locale.ROOT, "round %d: ledger verify %.2f s (exit %d) | audit, one thread %.2f s, ratio %.2f"
                    + " | audit, a pool of %d %.2f s, ratio %.2f%n", r, verify, code, audit, verify / audit,
                    Runtime.getRuntime().availableProcessors(), pooled, verify / pooled);
        }
        System.out.printf(Locale.ROOT, "best: verify %.2f s, audit %.2f s -> ratio=%.2f (pool: %.2f s -> %.2f)%n", bestVerify, bestAudit,
                bestVerify / bestAudit, bestPooled, bestVerify / bestPooled);
    }

    /** Every node's store audited node after node on one lowest-priority daemon thread, as {@link IntegrityAudit} does. */
    private static double audit(Path dir, Genesis genesis, List<String> nodes, boolean pooled) throws InterruptedException {
        ExecutorService verifiers = pooled ? Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), r -> {
            Thread t = new Thread(r, "audit-speed-verifier");
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            return t;
        }) : null;
        AtomicReference<String> invalid = new AtomicReference<>();
        Thread thread = new Thread(() -> {
            for (String node : nodes) {
                Address sealer = genesis.sealers().stream().filter(s -> s.name().equals(node)).findFirst().orElseThrow().address();
                StoreAuditResult r = StoreAudits.audit(dir, genesis, node, sealer, verifiers, StoredChain.Progress.NONE);
                if (!r.valid()) {
                    invalid.set(node + " " + r.rule() + " at " + r.badHeight());
                }
            }
        }, "audit-speed");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        long t = System.nanoTime();
        thread.start();
        thread.join();
        double took = secs(t);
        if (verifiers != null) {
            verifiers.shutdownNow();
        }
        if (invalid.get() != null) {
            throw new IllegalStateException("the audit found " + invalid.get());
        }
        return took;
    }

    private static double secs(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}

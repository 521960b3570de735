package org.careledger.explorer;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.careledger.CareLedgerApplication;
import org.careledger.explorer.internal.ReceiptRows;
import org.careledger.identity.DemoAccounts;
import org.careledger.identity.Role;
import org.careledger.identity.TestAccounts;
import org.careledger.node.ChainSummary;
import org.careledger.node.LedgerService;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A benchmark command, not a test: {@code scripts/explorer-bench} runs it on a data directory that
 * {@code ledger bench} filled with a long chain. It starts the portal on that directory, waits for
 * the explorer's read model to catch up, then, as the demo admin, times the explorer's overview (what
 * the overview page renders: the chain's counters, the latest blocks and transactions with their
 * names) against the explorer's page of one block, interleaved round by round, and prints medians,
 * p95s and the ratio.
 */
public final class ExplorerBench {

    private ExplorerBench() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        long started = System.nanoTime();
        // command-line arguments, not default properties: application.properties' own data-dir would win over those
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(CareLedgerApplication.class).profiles("demo")
                .logStartupInfo(false).run("--server.port=0", "--careledger.data-dir=" + dir.toAbsolutePath())) {
            LedgerService ledger = ctx.getBean(LedgerService.class);
            ReceiptRows receipts = ctx.getBean(ReceiptRows.class);
            ChainSummary chain = waitForReadModel(ledger, receipts);
            System.err.printf(Locale.ROOT, "portal up and read model at height %d after %.1f s%n", chain.height(),
                    (System.nanoTime() - started) / 1e9);

            TestAccounts.signIn(DemoAccounts.ADMIN.username(), Role.ADMIN);
            ChainExplorer explorer = ctx.getBean(ChainExplorer.class);
            long height = chain.height();
            if (height < 2) {
                throw new IllegalStateException("The chain in " + dir + " has " + height + " blocks: nothing to measure");
            }
            for (int i = 0; i < rounds; i++) { // warm-up: the same calls, so the JIT has compiled both paths
                explorer.overview();
                explorer.block(Long.toString(1 + i % height));
            }
            long[] overview = new long[rounds];
            long[] oneBlock = new long[rounds];
            int shown = 0;
            for (int i = 0; i < rounds; i++) {
                long t0 = System.nanoTime();
                ExplorerOverview page = explorer.overview();
                overview[i] = System.nanoTime() - t0;
                shown = page.latestBlocks().size() + page.latestTransactions().size();
                long t1 = System.nanoTime();
                explorer.block(Long.toString(height - i % Math.max(1, height - 1)));
                oneBlock[i] = System.nanoTime() - t1;
            }
            ChainSummary end = ledger.summary();
            System.out.printf(Locale.ROOT, "chain height=%d transactions=%d (rows on the overview: %d)%n", end.height(),
                    end.transactions(), shown);
            System.out.printf(Locale.ROOT, "overview   median_ms=%.2f p95_ms=%.2f%n", ms(median(overview)), ms(p95(overview)));
            System.out.printf(Locale.ROOT, "one block  median_ms=%.2f p95_ms=%.2f%n", ms(median(oneBlock)), ms(p95(oneBlock)));
            System.out.printf(Locale.ROOT, "ratio overview/one_block=%.2f goal_overview_ms<=200 %s%n",
                    (double) median(overview) / median(oneBlock), ms(p95(overview)) <= 200 ? "met" : "NOT met");
        }
    }

    private static ChainSummary waitForReadModel(LedgerService ledger, ReceiptRows receipts) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (System.nanoTime() < deadline) {
            try {
                ChainSummary chain = ledger.summary();
                if (receipts.appliedHeight() >= chain.height()) {
                    return chain;
                }
            } catch (RuntimeException stillStarting) {
                // the ledger replays its stores first
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("The explorer's read model did not catch up with the chain within 10 minutes");
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static long p95(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * 0.95) - 1)];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}

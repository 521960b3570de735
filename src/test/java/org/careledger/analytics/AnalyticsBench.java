package org.careledger.analytics;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Random;
import org.careledger.CareLedgerApplication;
import org.careledger.analytics.internal.BlockRow;
import org.careledger.analytics.cube.CellRef;
import org.careledger.analytics.cube.Counts;
import org.careledger.analytics.cube.Suppression;
import org.careledger.analytics.internal.CubeCache;
import org.careledger.analytics.internal.Fact;
import org.careledger.analytics.internal.FactStore;
import org.careledger.analytics.internal.HistoryCells;
import org.careledger.identity.DemoAccounts;
import org.careledger.identity.Role;
import org.careledger.identity.TestAccounts;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A benchmark command, not a test ({@code scripts/analytics-bench}): the analytics page's server time
 * with a large read model, beside the time of one indexed query of the same tables, in the same run.
 * It starts the portal (demo profile) on a fresh data directory, feeds the read model synthetic facts
 * — {@code prescriptions} prescription events (issued, then dispensed for most) over three years, at
 * three hospitals, for a tenth as many patients — and block rows carrying {@code transactions} ledger
 * transactions (100 a block), as the feed would have written them; then, signed in as the demo
 * admin, times what the analytics page renders (the clinical charts for the months of a year and
 * all providers, and the ledger charts), round by round against one primary-key query of a cell.
 * Synthetic facts sit at height 0 and synthetic blocks at negative heights, so the portal's own feed,
 * running beside it, never takes them for a reorganisation.
 */
public final class AnalyticsBench {

    private AnalyticsBench() {
    }

    public static void main(String[] args) throws Exception {
        int prescriptions = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        long transactions = args.length > 1 ? Long.parseLong(args[1]) : 1_000_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        Path dir = Files.createTempDirectory("careledger-analytics-bench");
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(CareLedgerApplication.class).profiles("demo")
                .logStartupInfo(false).run("--server.port=0", "--careledger.data-dir=" + dir.toAbsolutePath())) {
            FactStore store = ctx.getBean(FactStore.class);
            long t0 = System.nanoTime();
            seedFacts(store, prescriptions);
            long t1 = System.nanoTime();
            seedBlocks(store, transactions);
            long t2 = System.nanoTime();
            System.err.printf(Locale.ROOT, "seeded %,d prescription facts in %.1f s and blocks of %,d transactions in %.1f s%n",
                    prescriptions, (t1 - t0) / 1e9, transactions, (t2 - t1) / 1e9);

            TestAccounts.signIn(DemoAccounts.ADMIN.username(), Role.ADMIN);
            ClinicalAnalytics clinical = ctx.getBean(ClinicalAnalytics.class);
            LedgerAnalytics ledger = ctx.getBean(LedgerAnalytics.class);
            CubeCache cubes = ctx.getBean(CubeCache.class);
            JdbcClient jdbc = ctx.getBean(JdbcClient.class);
            Period period = new Period(Grain.MONTHS, 2026);
            long c0 = System.nanoTime();
            for (String figure : List.of(HistoryCells.DIAGNOSES, HistoryCells.PRESCRIPTIONS, "consents", "appointments", "patients")) {
                cubes.refresh(figure);
            }
            long c1 = System.nanoTime();
            System.err.printf(Locale.ROOT, "cubes and their suppression computed in %.2f s (in the background after a change, never on a page view)%n",
                    (c1 - c0) / 1e9);
            for (int i = 0; i < rounds; i++) { // warm-up
                clinical.charts(period, "*");
                ledger.charts();
                cell(jdbc, i);
            }
            long[] page = new long[rounds];
            long[] query = new long[rounds];
            for (int i = 0; i < rounds; i++) {
                long a = System.nanoTime();
                clinical.charts(period, "*");
                ledger.charts();
                page[i] = System.nanoTime() - a;
                long b = System.nanoTime();
                cell(jdbc, i);
                query[i] = System.nanoTime() - b;
            }
            long facts = jdbc.sql("SELECT COUNT(*) FROM analytics_facts").query(Long.class).single();
            long cells = jdbc.sql("SELECT COUNT(*) FROM analytics_cells").query(Long.class).single();
            long blockTxs = jdbc.sql("SELECT COALESCE(SUM(transactions), 0) FROM analytics_blocks").query(Long.class).single();
            System.out.printf(Locale.ROOT, "read model: facts=%d cells=%d block_rows_transactions=%d load=%s%n", facts, cells, blockTxs,
                    Files.readString(Path.of("/proc/loadavg")).strip());
            System.out.printf(Locale.ROOT, "analytics page   median_ms=%.2f p95_ms=%.2f%n", ms(median(page)), ms(p95(page)));
            System.out.printf(Locale.ROOT, "one cell query   median_ms=%.3f p95_ms=%.3f%n", ms(median(query)), ms(p95(query)));
            System.out.printf(Locale.ROOT, "ratio page/query=%.1f goal_page_ms<=300 %s%n", (double) median(page) / median(query),
                    ms(p95(page)) <= 300 ? "met" : "NOT met");
            sparseSuppression(HistoryCells.bundled());
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /**
     * Suppression where it works hardest: a new install's first years, 8,000 prescriptions spread over 50
     * providers with one or two patients a cell, on top of the bundled history; against the bundled
     * history's own prescriptions cube in the same run.
     */
    private static void sparseSuppression(HistoryCells history) {
        Map<CellRef, Counts> bundled = history.cells(HistoryCells.PRESCRIPTIONS);
        Map<CellRef, Counts> sparse = new java.util.HashMap<>(bundled);
        Map<CellRef, long[]> live = new java.util.HashMap<>();
        Random random = new Random(50);
        List<String> medicines = new ArrayList<>(history.keys(HistoryCells.PRESCRIPTIONS, 1).keySet());
        List<String> states = List.of(HistoryCells.ISSUED, "dispensed", "cancelled");
        for (int i = 0; i < 8_000; i++) {
            List<String> key = HistoryCells.prescriptionKey(states.get(random.nextInt(states.size())), medicines.get(random.nextInt(medicines.size())));
            for (CellRef c : CellRef.countedIn(key, LocalDate.of(2024, 1, 1).plusDays(random.nextInt(1_000)), "provider:" + random.nextInt(50), true)) {
                long[] v = live.computeIfAbsent(c, k -> new long[2]);
                v[0]++;
                v[1]++; // one patient a fact: the worst case
            }
        }
        live.forEach((c, v) -> sparse.merge(c, new Counts(v[0], v[1]), Counts::plusDisjoint));
        long[] reference = new long[5];
        long[] hard = new long[5];
        int hidden = 0;
        for (int i = 0; i < 5; i++) {
            long a = System.nanoTime();
            Suppression.suppressed(bundled, CubeCache.THRESHOLD);
            reference[i] = System.nanoTime() - a;
            long b = System.nanoTime();
            hidden = Suppression.suppressed(sparse, CubeCache.THRESHOLD).size();
            hard[i] = System.nanoTime() - b;
        }
        System.out.printf(Locale.ROOT, "suppression      bundled_history_cube cells=%d median_ms=%.1f%n", bundled.size(), ms(median(reference)));
        System.out.printf(Locale.ROOT, "suppression      sparse_cube_50_providers cells=%d hidden=%d median_ms=%.1f ratio=%.1f%n", sparse.size(), hidden,
                ms(median(hard)), (double) median(hard) / median(reference));
    }

    private static void seedFacts(FactStore store, int prescriptions) {
        Random random = new Random(42);
        HistoryCells history = HistoryCells.bundled();
        List<String> medicines = new ArrayList<>(history.keys(HistoryCells.PRESCRIPTIONS, 1).keySet());
        medicines.add(HistoryCells.OTHER);
        int patients = Math.max(1, prescriptions / 10);
        List<Fact> batch = new ArrayList<>();
        int issued = 0;
        while (issued < prescriptions) {
            String patient = String.format("0x%040x", random.nextInt(patients));
            String medicine = medicines.get(random.nextInt(medicines.size()));
            LocalDate day = LocalDate.of(2024, 1, 1).plusDays(random.nextInt(3 * 365));
            String scope = "provider:" + (1 + random.nextInt(3));
            batch.add(new Fact("bench-issue-" + issued, HistoryCells.PRESCRIPTIONS, HistoryCells.prescriptionKey(HistoryCells.ISSUED, medicine),
                    day, scope, patient, 0));
            if (random.nextInt(10) < 8) {
                batch.add(new Fact("bench-dispense-" + issued, HistoryCells.PRESCRIPTIONS, HistoryCells.prescriptionKey("dispensed", medicine),
                        day.plusDays(random.nextInt(5)), scope, patient, 0));
            }
            issued++;
            if (batch.size() >= 5_000) {
                store.apply(batch, List.of());
                batch.clear();
            }
        }
        store.apply(batch, List.of());
    }

    private static void seedBlocks(FactStore store, long transactions) {
        List<BlockRow> rows = new ArrayList<>();
        long blocks = transactions / 100;
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        for (long i = 0; i < blocks; i++) {
            rows.add(new BlockRow(-(blocks - i), String.format("%064x", i), start.plusSeconds(5 * i), 1_000_000, 100, null));
            if (rows.size() == 2_000) {
                store.apply(List.of(), rows);
                rows.clear();
            }
        }
        store.apply(List.of(), rows);
    }

    private static void cell(JdbcClient jdbc, int i) {
        jdbc.sql("""
                SELECT events FROM analytics_cells
                WHERE figure = :f AND key_parts = :k AND cell_level = 'MONTH' AND bucket_start = :d AND scope = '*'""")
                .param("f", HistoryCells.PRESCRIPTIONS).param("k", "issued|*").param("d", java.sql.Date.valueOf(LocalDate.of(2024, 1 + i % 12, 1)))
                .query(Long.class).optional();
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

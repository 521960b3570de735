package org.careledger.bench;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;

/**
 * Runs the JMH benchmarks with the JMH command-line options given, prints each figure beside its
 * reference as a ratio, then times a node restart ({@link RestartBenchmark}) unless
 * {@code -Drestart.skip=true}. Started by {@code ./mvnw -Pbenchmarks compile exec:exec}.
 */
public final class Benchmarks {

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        if (List.of(args).stream().anyMatch(a -> a.equals("-h") || a.equals("-l") || a.equals("-lp") || a.equals("-lprof"))) {
            org.openjdk.jmh.Main.main(args);
            return;
        }
        CommandLineOptions options = new CommandLineOptions(args);
        boolean jmhOnlyRestart = options.getIncludes().size() == 1 && options.getIncludes().get(0).contains("Restart");
        if (!jmhOnlyRestart) {
            Collection<RunResult> results = new Runner(options).run();
            report(results);
        }
        if (!Boolean.getBoolean("restart.skip") && (options.getIncludes().isEmpty() || jmhOnlyRestart)) {
            RestartBenchmark.main(new String[0]);
        }
    }

    static void report(Collection<RunResult> results) {
        Map<String, Double> score = new HashMap<>();
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark();
            name = name.substring(name.lastIndexOf('.') + 1);
            String threads = r.getParams().getParam("threads");
            String provider = r.getParams().getParam("provider");
            String variant = threads != null ? threads : provider;
            score.put(variant == null ? name : name + "/" + variant, r.getPrimaryResult().getScore());
        }
        System.out.println();
        System.out.println("Figures with their references");
        ratio(score, "Miner loop, 1 thread vs JDK SHA-256, 1 thread (goal >= 0.90)", "minerLoop1", "jdkSha256_1", "hashes/s");
        ratio(score, "Miner loop, 2 threads vs 1 thread (goal >= 1.80)", "minerLoop2", "minerLoop1", "hashes/s");
        ratio(score, "JDK SHA-256, 2 threads vs 1 thread (what the machine allows)", "jdkSha256_2", "jdkSha256_1", "hashes/s");
        ratio(score, "Miner loop, 2 threads vs JDK SHA-256, 2 threads", "minerLoop2", "jdkSha256_2", "hashes/s");
        if (score.containsKey("realMiner/1") && score.containsKey("realMiner/2")) {
            double h1 = MinerBenchmark.RealMiner.DIFFICULTY / (score.get("realMiner/1") / 1000);
            double h2 = MinerBenchmark.RealMiner.DIFFICULTY / (score.get("realMiner/2") / 1000);
            System.out.printf("  Real Miner (public API, difficulty 2^16): 1 thread %,.0f hashes/s, 2 threads %,.0f hashes/s: ratio %.2f%n",
                    h1, h2, h2 / h1);
            if (score.containsKey("jdkSha256_1")) {
                System.out.printf("  Real Miner, 1 thread vs JDK SHA-256, 1 thread: ratio %.2f%n", h1 / score.get("jdkSha256_1"));
            }
        }
        ratio(score, "Transaction validation (decode + BlockRules.admit, no cache) vs raw Secp256k1.verify",
                "decodeAndAdmit", "secp256k1Verify", "ops/s");
        ratio(score, "Transaction validation vs Secp256k1.verify with the key parsed from bytes each time",
                "decodeAndAdmit", "secp256k1VerifyParsedKey", "ops/s");
        ratio(score, "Secp256k1.verify with a parsed key vs with a reused key object",
                "secp256k1VerifyParsedKey", "secp256k1Verify", "ops/s");
        ratio(score, "Custody sign-and-submit (unwrap, sign, admit), libsecp256k1 vs BouncyCastle (after vs before)",
                "signAndSubmit/native", "signAndSubmit/bouncycastle", "ops/s");
        for (String task : List.of("rankMedicines", "rankConditions")) {
            RunResult r = find(results, task);
            RunResult reference = find(results, "frequencyLookup");
            if (r != null && reference != null) {
                // medians and p99, not means: one GC pause of a quarter second makes the look-up's mean meaningless
                double median = r.getPrimaryResult().getStatistics().getPercentile(50);
                double p99 = r.getPrimaryResult().getStatistics().getPercentile(99);
                double refMedian = reference.getPrimaryResult().getStatistics().getPercentile(50);
                double refP99 = reference.getPrimaryResult().getStatistics().getPercentile(99);
                System.out.printf("  %s vs per-condition frequency look-up: median %.2f vs %.3f us (ratio %.0f), p99 %.2f vs %.3f us (ratio %.0f); p99 %.3f ms, goal <= 5 ms%n",
                        task, median, refMedian, median / refMedian, p99, refP99, p99 / refP99, p99 / 1000);
            }
        }
        System.out.println();
    }

    private static RunResult find(Collection<RunResult> results, String name) {
        return results.stream().filter(r -> r.getParams().getBenchmark().endsWith("." + name)).findFirst().orElse(null);
    }

    private static void ratio(Map<String, Double> score, String what, String figure, String reference, String unit) {
        if (score.containsKey(figure) && score.containsKey(reference)) {
            System.out.printf("  %s: %,.0f vs %,.0f %s: ratio %.2f%n", what, score.get(figure), score.get(reference), unit,
                    score.get(figure) / score.get(reference));
        }
    }
}

package org.careledger.cli;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where a stretch of the bench spent its CPU time: the process's total and each group of the
 * application's threads (named without their node or number, such as {@code careledger-network}).
 * What the process spent outside those threads is the JVM's own work: the JIT compilers and the
 * garbage collector. Threads that ended inside the stretch are not seen, so the bench takes its
 * second reading while every node still runs.
 */
final class CpuAccount {

    private final long startNanos;
    private final long processStart;
    private final Map<Long, Long> threadStart;

    private CpuAccount(long startNanos, long processStart, Map<Long, Long> threadStart) {
        this.startNanos = startNanos;
        this.processStart = processStart;
        this.threadStart = threadStart;
    }

    static CpuAccount start() {
        return new CpuAccount(System.nanoTime(), processCpuNanos(), threadCpu().cpu());
    }

    /** One line: wall time, process CPU, and each thread group's share, largest first. */
    String report() {
        double wall = (System.nanoTime() - startNanos) / 1e9;
        double process = (processCpuNanos() - processStart) / 1e9;
        Threads now = threadCpu();
        Map<String, Double> byGroup = new TreeMap<>();
        double seen = 0;
        for (Map.Entry<Long, Long> e : now.cpu().entrySet()) {
            double spent = (e.getValue() - threadStart.getOrDefault(e.getKey(), 0L)) / 1e9;
            if (spent > 0) {
                byGroup.merge(group(now.names().get(e.getKey())), spent, Double::sum);
                seen += spent;
            }
        }
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "cpu wall_s=%.2f process_s=%.2f", wall, process));
        byGroup.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .filter(e -> e.getValue() >= 0.01)
                .forEach(e -> line.append(String.format(Locale.ROOT, " %s=%.2f", e.getKey(), e.getValue())));
        line.append(String.format(Locale.ROOT, " jvm_jit_gc=%.2f", Math.max(0, process - seen)));
        return line.toString();
    }

    /** {@code careledger-network-st-marys} and {@code careledger-miner-4} both lose their last part. */
    static String group(String threadName) {
        if (threadName == null) {
            return "ended";
        }
        String name = threadName.startsWith("careledger-") ? threadName.substring("careledger-".length()) : threadName;
        int dash = name.indexOf('-');
        if (name.startsWith("bench-")) {
            int second = name.indexOf('-', "bench-".length());
            return second < 0 ? name : name.substring(0, second);
        }
        return dash < 0 ? name.replaceAll("\\d+$", "") : name.substring(0, dash);
    }

    private record Threads(Map<Long, Long> cpu, Map<Long, String> names) {
    }

    private static Threads threadCpu() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<Long, Long> cpu = new HashMap<>();
        Map<Long, String> names = new HashMap<>();
        if (!threads.isThreadCpuTimeSupported()) {
            return new Threads(cpu, names);
        }
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long spent = threads.getThreadCpuTime(info.getThreadId());
            if (spent >= 0) {
                cpu.put(info.getThreadId(), spent);
                names.put(info.getThreadId(), info.getThreadName());
            }
        }
        return new Threads(cpu, names);
    }

    private static long processCpuNanos() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return Math.max(0, sun.getProcessCpuTime());
        }
        return 0;
    }
}

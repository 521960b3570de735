package org.careledger.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;

import org.careledger.contracts.ContractState;
import org.careledger.contracts.Contracts;
import org.careledger.contracts.DevConsortium;
import org.careledger.contracts.Tokens;
import org.careledger.crypto.DevAccounts;
import org.careledger.crypto.PrivateKey;
import org.careledger.crypto.Secp256k1;
import org.careledger.ledger.Block;
import org.careledger.ledger.Genesis;
import org.careledger.ledger.GenesisJson;
import org.careledger.ledger.Hash;
import org.careledger.ledger.InMemoryNetwork;
import org.careledger.ledger.Mempool;
import org.careledger.ledger.Node;
import org.careledger.ledger.Transaction;
import org.careledger.ledger.TransactionRejectedException;
import org.careledger.ledger.WorldState;

/**
 * {@code ledger bench --data-dir DIR --transactions N [--nodes 3] [--threads T] [--block-time MS] [--warm-up N]
 * [--runs R] [--window-ms MS] [--resume]}: signs R times N token transfers among the ten dev accounts,
 * starts the dev consortium in this process, streams each run's N transfers into the first node with
 * back-pressure and prints each block once it is durable on every node, then each run's throughput
 * against the signature-verification ceiling measured in windows around it (before the first run, in
 * the pauses between runs, after the last), the windows' spread, and the median of the runs.
 */
final class BenchCommand {

    static final int ACCOUNTS = 10;
    static final long AMOUNT = 1;
    static final long MAX_TRANSACTIONS = 900_000;
    private static final long STALL_MILLIS = 120_000;
    /**
     * Transfers of the warm-up by default (twice the bench's if that is fewer): with 5,000 the JIT still
     * spent 0.9-1.6 s of the timed part's CPU recompiling the node's paths, with 15,000 0.4-0.9 s,
     * and the ratio was higher in 7 of 8 runs interleaved in one session (README). With libsecp256k1 the
     * verifications take a third of the time and the JIT's share grew again: 0.83 and 1.09 s of a
     * 20,000-transfer run after 15,000, 0.22 and 0.41 s after 40,000 (two pairs in turn, issue 19).
     */
    static final int DEFAULT_WARM_UP = 40_000;
    /** A reference window: long enough for a steady rate, short enough to sit in the pauses between runs. */
    static final long DEFAULT_WINDOW_MILLIS = 1000;
    /** Verifying before a window counts, so each window starts from a steady state. */
    private static final long WINDOW_SETTLE_MILLIS = 250;

    private BenchCommand() {
    }

    static int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        Options o = Options.parse(args, Set.of("--data-dir", "--transactions", "--nodes", "--threads", "--block-time", "--rate",
                        "--warm-up", "--runs", "--window-ms"),
                Set.of("--resume"));
        o.noPositional();
        Path dir = Path.of(o.required("--data-dir"));
        int n = (int) o.longValue("--transactions", -1, 1, MAX_TRANSACTIONS);
        if (n < 0) {
            throw new UsageException("missing required option --transactions");
        }
        int nodesAsked = (int) o.longValue("--nodes", -1, 1, DevConsortium.NAMES.size());
        int threads = (int) o.longValue("--threads", Runtime.getRuntime().availableProcessors(), 1, 256);
        long blockTime = o.longValue("--block-time", 200, 1, 600_000);
        boolean resume = o.has("--resume");
        long rate = o.longValue("--rate", 0, 1, 10_000_000);
        int warmUp = (int) o.longValue("--warm-up", (int) Math.min(2L * n, DEFAULT_WARM_UP), 0, MAX_TRANSACTIONS);
        int runs = (int) o.longValue("--runs", 1, 1, 50);
        long windowMillis = o.longValue("--window-ms", DEFAULT_WINDOW_MILLIS, 100, 60_000);
        if ((long) n * runs > MAX_TRANSACTIONS) {
            throw new UsageException("--transactions times --runs is at most " + MAX_TRANSACTIONS);
        }

        Path genesisFile = dir.resolve("genesis.json");
        boolean existing = Files.isRegularFile(genesisFile) || Files.isDirectory(dir.resolve("nodes"));
        if (existing && !resume) {
            throw new UsageException(dir + " already holds a chain: pass --resume to continue it, or use an empty directory");
        }
        Files.createDirectories(dir);
        deleteTree(dir.resolve("warm-up")); // left by a run killed while warming up
        Genesis genesis;
        boolean newChain = !Files.isRegularFile(genesisFile);
        if (newChain) {
            // the genesis lists only the sealers that run, so no block waits for the turn of one that does not
            genesis = DevConsortium.genesis(blockTime, nodesAsked < 0 ? DevConsortium.NAMES.size() : nodesAsked);
        } else {
            genesis = GenesisJson.read(genesisFile, Contracts.standard()); // a damaged file is reported as such (exit 1), not as a usage error
            if (nodesAsked > 0 && nodesAsked != genesis.sealers().size()) {
                throw new UsageException("the chain in " + dir + " has " + genesis.sealers().size() + " sealer(s): pass --nodes "
                        + genesis.sealers().size() + " to continue it");
            }
        }
        int nodeCount = genesis.sealers().size();

        if (warmUp > 0) {
            warmUp(dir.resolve("warm-up"), genesis, nodeCount, threads, warmUp, rate, err);
        }
        if (newChain) {
            GenesisJson.write(genesis, Contracts.standard(), genesisFile); // only now: a run killed while warming up leaves no chain behind
        }
        err.println("opening " + nodeCount + " node(s) in " + dir + " (" + threads + " miner thread(s) each, target block time "
                + genesis.parameters().targetBlockMillis() + " ms)");
        InMemoryNetwork network = new InMemoryNetwork(1);
        List<Node> nodes = openNodes(dir, genesis, network, nodeCount, threads);
        try {
            for (Node node : nodes) {
                if (node.refusal().isPresent()) {
                    err.println("node " + node.name() + " refuses to build on its store: " + node.refusal().get());
                    return 1;
                }
            }
            return bench(nodes, network, genesis, n, threads, rate, new Measure(runs, windowMillis), out, err);
        } finally {
            nodes.forEach(Node::close);
            network.close();
        }
    }

    /**
     * Runs the same bench on a throw-away chain first, so that the measured run does not pay for the
     * JIT compiling the node's code (as JMH warms up before it measures): 2.5–3 s of compilation fell
     * inside the timed part of a 20,000-transfer run before.
     */
    private static void warmUp(Path dir, Genesis genesis, int nodeCount, int threads, int count, long rate, PrintStream err)
            throws Exception {
        deleteTree(dir); // left by a run killed while warming up
        Files.createDirectories(dir);
        long started = System.nanoTime();
        PrintStream quiet = new PrintStream(java.io.OutputStream.nullOutputStream());
        try {
            InMemoryNetwork network = new InMemoryNetwork(1);
            List<Node> nodes = openNodes(dir, genesis, network, nodeCount, threads);
            try {
                bench(nodes, network, genesis, count, threads, rate, new Measure(1, 0), quiet, quiet);
            } finally {
                nodes.forEach(Node::close);
                network.close();
            }
        } finally {
            deleteTree(dir);
        }
        err.printf(Locale.ROOT, "warmed up with %d transfers on a throw-away chain in %.1f s%n", count, (System.nanoTime() - started) / 1e9);
    }

    private static List<Node> openNodes(Path dir, Genesis genesis, InMemoryNetwork network, int count, int threads) throws Exception {
        Node[] nodes = new Node[count];
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> openers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int index = i;
            Thread t = new Thread(() -> {
                try {
                    nodes[index] = new Node(DevConsortium.NAMES.get(index), DevConsortium.sealerKey(index), genesis,
                            Contracts.standard(), dir, network, System::currentTimeMillis, threads);
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            }, "careledger-open-" + i);
            t.start();
            openers.add(t);
        }
        for (Thread t : openers) {
            t.join();
        }
        if (failure.get() != null) {
            for (Node node : nodes) {
                if (node != null) {
                    node.close();
                }
            }
            Throwable e = failure.get();
            throw e instanceof Exception ex ? ex : new IllegalStateException(e);
        }
        return List.of(nodes);
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static int bench(List<Node> nodes, InMemoryNetwork network, Genesis genesis, int n, int threads, long rate,
                             Measure measure, PrintStream out, PrintStream err)
            throws Exception {
        Node best = nodes.get(0);
        for (Node node : nodes) {
            if (node.chain().height() > best.chain().height()) {
                best = node;
            }
        }
        WorldState start = best.chain().tipState();
        List<PrivateKey> accounts = DevAccounts.ganacheAccounts(ACCOUNTS);
        long[] firstNonce = new long[ACCOUNTS];
        long fee = genesis.parameters().minFee();
        int all = n * measure.runs();
        for (int s = 0; s < ACCOUNTS; s++) {
            firstNonce[s] = start.nextNonce(accounts.get(s).address());
            long sends = (all - s + ACCOUNTS - 1) / ACCOUNTS;
            long balance = Tokens.balanceOf(((ContractState) start).view(), accounts.get(s).address());
            if (balance < sends * (fee + AMOUNT)) {
                err.println("dev account " + s + " holds " + balance + " base units, too few for " + sends + " transfers; use a fresh data dir");
                return 1;
            }
        }
        err.println("chain height " + best.chain().height() + "; signing " + all + " transfers ...");
        long signStart = System.nanoTime();
        Transaction[] txs = new Transaction[all];
        IntStream.range(0, all).parallel().forEach(k -> {
            int sender = k % ACCOUNTS;
            int to = (sender + 1 + (k / ACCOUNTS) % (ACCOUNTS - 1)) % ACCOUNTS;
            txs[k] = Transaction.sign(genesis.chainId(), accounts.get(sender), firstNonce[sender] + k / ACCOUNTS,
                    Tokens.transfer(accounts.get(to).address(), AMOUNT), fee);
        });
        err.printf(Locale.ROOT, "signed %d transfers in %.1f s%n", all, (System.nanoTime() - signStart) / 1e9);
        List<Transaction> signed = List.of(txs);
        Ceiling ceiling = new Ceiling(signed.subList(0, n));
        ReferenceWindows windows = new ReferenceWindows();
        double[] throughput = new double[measure.runs()];
        try {
            window(measure, ceiling, windows, "before", threads, err);
            nodes.forEach(Node::start);
            for (int r = 0; r < measure.runs(); r++) {
                Run run = timedRun(nodes, signed.subList(r * n, (r + 1) * n), rate, out, err);
                if (run == null) {
                    return 1;
                }
                throughput[r] = run.throughput();
                window(measure, ceiling, windows, r == measure.runs() - 1 ? "after" : "pause " + (r + 1), threads, err);
                if (measure.windowMillis() > 0) {
                    double perNode = windows.aroundRun(r) / nodes.size();
                    out.printf(Locale.ROOT, "throughput tx_per_s=%.1f ceiling_tx_per_s=%.1f ratio=%.3f run=%d/%d%n",
                            run.throughput(), perNode, run.throughput() / perNode, r + 1, measure.runs());
                    err.printf(Locale.ROOT, "run %d: %d transfers committed on %d node(s) in %.2f s%n", r + 1, n, nodes.size(), run.seconds());
                    err.println(run.cpu());
                }
            }
        } finally {
            network.close();
            nodes.forEach(Node::close);
        }
        if (measure.windowMillis() > 0) {
            out.println(windows.summary(Secp256k1.provider().setting()));
            out.println(medianLine(throughput, windows, nodes.size()));
        }
        return 0;
    }

    /** How the timed part is repeated and measured: {@code windowMillis} 0 for the warm-up, which measures nothing. */
    record Measure(int runs, long windowMillis) {
    }

    /** One timed run: committed transfers per second, its wall time and where its CPU went. */
    private record Run(double throughput, double seconds, String cpu) {
    }

    /** Verifies the reference for a window while the nodes are idle, and says so on standard error. */
    private static void window(Measure measure, Ceiling ceiling, ReferenceWindows windows, String label, int threads,
                               PrintStream err) throws InterruptedException {
        if (measure.windowMillis() == 0) {
            return;
        }
        double rate = ceiling.verificationsPerSecond(threads, WINDOW_SETTLE_MILLIS, measure.windowMillis());
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        windows.add(label, rate, load);
        err.printf(Locale.ROOT, "reference %s: %.0f verifications/s by %s on %d thread(s) over the bench's own signatures (load %.2f)%n",
                label, rate, Secp256k1.provider().label(), threads, load);
    }

    /**
     * {@code median runs=N tx_per_s=X ceiling_tx_per_s=Y ratio=Z ratio_min=A ratio_max=B}: the medians of
     * the runs' throughputs, ceilings and ratios (each run's ratio against the windows around it).
     */
    static String medianLine(double[] throughput, ReferenceWindows windows, int nodes) {
        int runs = throughput.length;
        double[] ceilings = new double[runs];
        double[] ratios = new double[runs];
        for (int r = 0; r < runs; r++) {
            ceilings[r] = windows.aroundRun(r) / nodes;
            ratios[r] = throughput[r] / ceilings[r];
        }
        return String.format(Locale.ROOT, "median runs=%d tx_per_s=%.1f ceiling_tx_per_s=%.1f ratio=%.3f ratio_min=%.3f ratio_max=%.3f",
                runs, ReferenceWindows.median(throughput), ReferenceWindows.median(ceilings), ReferenceWindows.median(ratios),
                ReferenceWindows.min(ratios), ReferenceWindows.max(ratios));
    }

    /** Streams {@code txs} into the first node and waits until every node has committed them; null if one was refused. */
    private static Run timedRun(List<Node> nodes, List<Transaction> txs, long rate, PrintStream out, PrintStream err)
            throws InterruptedException {
        Set<Hash> mine = ConcurrentHashMap.newKeySet(txs.size() * 2);
        txs.forEach(tx -> mine.add(tx.id()));
        CommitTracker tracker = new CommitTracker(nodes, mine);
        CpuAccount cpu = CpuAccount.start();
        long startNanos = System.nanoTime();
        AtomicReference<String> submitFailure = new AtomicReference<>();
        Thread submitter = new Thread(() -> submitAll(nodes.get(0), txs, rate, submitFailure), "careledger-bench-submit");
        submitter.setDaemon(true);
        submitter.start();
        long total = 0;
        long lastProgress = System.nanoTime();
        long lastCommitNanos = startNanos;
        try {
            while (total < txs.size()) {
                if (submitFailure.get() != null) {
                    err.println("a transfer was refused: " + submitFailure.get());
                    return null;
                }
                List<CommitTracker.Change> committed = tracker.awaitChanges(100);
                for (CommitTracker.Change c : committed) {
                    if (c.retracted()) {
                        total -= c.mine();
                        out.println("retracted height=" + c.height() + " txs=" + c.transactions() + " total=" + total
                                + " (a reorganisation replaced the block)");
                    } else {
                        total += c.mine();
                        out.println("committed height=" + c.height() + " txs=" + c.transactions() + " total=" + total);
                    }
                    out.flush();
                }
                long now = System.nanoTime();
                if (!committed.isEmpty()) {
                    lastProgress = now;
                    lastCommitNanos = now;
                } else if (now - lastProgress > STALL_MILLIS * 1_000_000L) {
                    err.println("no block was committed on every node for " + STALL_MILLIS / 1000 + " s; giving up at " + total + " of " + txs.size());
                    return null;
                }
            }
            String report = cpu.report();
            double seconds = Math.max(1e-9, (lastCommitNanos - startNanos) / 1e9);
            return new Run(total / seconds, seconds, report);
        } finally {
            submitter.interrupt();
            submitter.join();
        }
    }

    /** Streams the transfers into {@code node}, waiting while its pool is full; at most {@code rate} a second if set. */
    private static void submitAll(Node node, List<Transaction> txs, long rate, AtomicReference<String> failure) {
        long start = System.nanoTime();
        try {
            for (int i = 0; i < txs.size(); i++) {
                Transaction tx = txs.get(i);
                if (rate > 0) {
                    long due = start + (long) (i * (1e9 / rate));
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000L, (int) (wait % 1_000_000L));
                    }
                }
                while (true) {
                    try {
                        node.submit(tx, 1000);
                        break;
                    } catch (Mempool.FullException full) {
                        // back-pressure: the pool stayed full for a second; try again
                    }
                }
            }
            // stay alive until the bench is over, so that its CPU time is in the bench's account
            while (!Thread.currentThread().isInterrupted()) {
                LockSupport.park();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (TransactionRejectedException e) {
            failure.set(e.rule() + ": " + e.getMessage());
        }
    }

    /**
     * Counts a block as committed once every node holds it on its main chain and has told its
     * listeners (which a node does only after the block is on disk). Should a reorganisation later
     * replace a block it reported (blocks that compete are rare while sealers take turns, but proof of
     * work allows them), it reports the block as retracted and takes its transfers off the total, so
     * the total is always the bench's transfers in the chain every node agrees on.
     */
    static final class CommitTracker {

        /** A block now on every node's main chain ({@code retracted} false), or one that left it. */
        record Change(long height, Hash block, int transactions, int mine, boolean retracted) {
        }

        private final List<Node> nodes;
        private final Set<Hash> mine;
        private final List<Set<Hash>> durable = new ArrayList<>();
        private final Object signal = new Object();
        /** The blocks reported, by height (index 0 is height 1 above the starting height). */
        private final List<Change> reported = new ArrayList<>();
        private final long startHeight;

        CommitTracker(List<Node> nodes, Set<Hash> mine) {
            this.nodes = nodes;
            this.mine = mine;
            for (Node node : nodes) {
                Set<Hash> stored = ConcurrentHashMap.newKeySet();
                node.chain().mainChainBlocks().forEach(b -> stored.add(b.hash()));
                durable.add(stored);
                node.onChainUpdate(update -> {
                    update.connected().forEach(b -> stored.add(b.hash()));
                    synchronized (signal) {
                        signal.notifyAll();
                    }
                });
            }
            long h = Long.MAX_VALUE;
            for (Node node : nodes) {
                h = Math.min(h, node.chain().height());
            }
            while (h > 0 && agreedAt(h) == null) {
                h--;
            }
            startHeight = h;
        }

        /** The block every node holds durably at {@code height} of its main chain, or null. */
        private Block agreedAt(long height) {
            Block first = null;
            for (int i = 0; i < nodes.size(); i++) {
                var block = nodes.get(i).chain().blockAt(height);
                if (block.isEmpty() || !durable.get(i).contains(block.get().hash())) {
                    return null;
                }
                if (first == null) {
                    first = block.get();
                } else if (!first.hash().equals(block.get().hash())) {
                    return null;
                }
            }
            return first;
        }

        List<Change> awaitChanges(long waitMillis) throws InterruptedException {
            List<Change> out = poll();
            if (!out.isEmpty()) {
                return out;
            }
            synchronized (signal) {
                signal.wait(waitMillis);
            }
            return poll();
        }

        /** Whether {@code node}'s main chain holds, at {@code height}, the block reported there. */
        private boolean isReported(Node node, long height) {
            Hash block = reported.get((int) (height - startHeight - 1)).block();
            return node.chain().blockAt(height).map(b -> b.hash().equals(block)).orElse(false);
        }

        private List<Change> poll() {
            List<Change> out = new ArrayList<>();
            // retract every reported block that some node's main chain has replaced: a node whose block at a
            // height is another than the one reported has reorganised from below it (a node that merely lags
            // holds the reported blocks as far as it reaches, so it retracts nothing)
            long agreed = startHeight + reported.size();
            for (Node node : nodes) {
                long top = Math.min(agreed, node.chain().height());
                long h = top;
                while (h > startHeight && !isReported(node, h)) {
                    h--; // a matching block vouches for all below it (each names its parent's hash)
                }
                if (h < top) {
                    agreed = h;
                }
            }
            while (startHeight + reported.size() > agreed) {
                Change top = reported.remove(reported.size() - 1);
                out.add(new Change(top.height(), top.block(), top.transactions(), top.mine(), true));
            }
            long height = startHeight + reported.size();
            for (Block b = agreedAt(height + 1); b != null; b = agreedAt(height + 1)) {
                height++;
                int count = 0;
                for (Transaction tx : b.transactions()) {
                    if (mine.contains(tx.id())) {
                        count++;
                    }
                }
                Change c = new Change(height, b.hash(), b.transactions().size(), count, false);
                reported.add(c);
                out.add(c);
            }
            return out;
        }
    }
}

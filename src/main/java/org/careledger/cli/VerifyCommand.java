package org.careledger.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.careledger.ledger.Genesis;
import org.careledger.ledger.GenesisFileException;
import org.careledger.ledger.StoredChain;

/**
 * {@code ledger verify --data-dir DIR [--node NAME] [--genesis FILE]}: re-validates every node's
 * stored blocks from genesis, read-only, and holds each store against the node's own signed
 * checkpoint, which proves how far it once reached. One line per node (every directory under
 * {@code nodes/} and every sealer of the genesis), then a summary; exit 0 if all are valid (a torn
 * tail is a crash, not invalid), 1 if any block or record is bad, blocks a node had stored are gone,
 * a sealer's store is missing, or {@code DIR/genesis.json} is damaged.
 */
final class VerifyCommand {

    private VerifyCommand() {
    }

    static int run(List<String> args, PrintStream out, PrintStream err) throws IOException {
        Options o = Options.parse(args, Set.of("--data-dir", "--node", "--genesis"), Set.of());
        o.noPositional();
        Path dir = Path.of(o.required("--data-dir"));
        if (!Files.isDirectory(dir)) {
            throw new UsageException("no data directory at " + dir);
        }
        GenesisChoice genesis;
        try {
            genesis = GenesisChoice.of(dir, o.path("--genesis"));
        } catch (GenesisFileException e) {
            if (o.has("--genesis")) {
                throw e; // a file named on the command line, not part of DIR: LedgerCli says what is wrong with it
            }
            out.println("invalid height=0 rule=genesis: " + e.getMessage());
            return 1;
        }
        List<String> names = o.has("--node") ? List.of(named(dir, genesis, o.get("--node"))) : allNodes(dir, genesis);
        ExecutorService verifiers = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), r -> {
            Thread t = new Thread(r, "careledger-verify");
            t.setDaemon(true);
            return t;
        });
        try {
            List<NodeVerdict> verdicts = new ArrayList<>();
            for (String name : names) {
                err.println("verifying node " + name + " ...");
                verdicts.add(NodeVerdict.of(dir, name, genesis, verifiers));
            }
            return summarise(verdicts, out);
        } finally {
            verifiers.shutdownNow();
        }
    }

    private static int summarise(List<NodeVerdict> verdicts, PrintStream out) {
        NodeVerdict leader = null;
        NodeVerdict lowest = null;
        NodeVerdict firstBad = null;
        for (NodeVerdict v : verdicts) {
            if (v.invalid()) {
                if (firstBad == null || heightOrder(v.badHeight()) < heightOrder(firstBad.badHeight())) {
                    firstBad = v;
                }
            } else if (v.report() != null) {
                if (leader == null || v.report().height() > leader.report().height()) {
                    leader = v;
                }
                if (lowest == null || v.report().height() < lowest.report().height()) {
                    lowest = v;
                }
            }
        }
        for (NodeVerdict v : verdicts) {
            out.println(v.line(leader));
        }
        if (firstBad != null) {
            out.println("invalid height=" + NodeVerdict.heightText(firstBad.badHeight()) + " rule=" + firstBad.rule() + ": "
                    + firstBad.explanation());
            return 1;
        }
        StoredChain.Report r = lowest.report();
        out.println("valid height=" + r.height() + " transactions=" + r.transactions() + " tip=" + r.tip().hex());
        return 0;
    }

    /** {@code --node NAME}: a node with a directory, or a sealer of the genesis (whose missing store is reported). */
    private static String named(Path dir, GenesisChoice genesis, String name) {
        if (!Files.isDirectory(StoredChain.blocksDirectory(dir, name)) && !isSealer(genesis.genesis(), name)) {
            throw new UsageException("no node " + name + " under " + dir.resolve("nodes"));
        }
        return name;
    }

    /**
     * Every directory under {@code nodes/} and every sealer of the genesis, sorted. A directory with
     * neither a {@code genesis.json} nor any block store is not a ledger's data directory at all.
     */
    private static List<String> allNodes(Path dir, GenesisChoice genesis) throws IOException {
        List<String> found = StoredChain.nodeNames(dir);
        boolean anyStore = found.stream().anyMatch(n -> Files.isDirectory(StoredChain.blocksDirectory(dir, n)));
        if (!anyStore && genesis.source() != GenesisChoice.Source.DATA_DIR) {
            throw new UsageException("no node block stores under " + dir.resolve("nodes"));
        }
        TreeSet<String> names = new TreeSet<>(found);
        genesis.genesis().sealers().forEach(s -> names.add(s.name()));
        return List.copyOf(names);
    }

    private static boolean isSealer(Genesis genesis, String name) {
        return genesis.sealers().stream().anyMatch(s -> s.name().equals(name));
    }

    /** The genesis of a data dir: the given file, else {@code DIR/genesis.json}, else the dev consortium's. */
    static Genesis genesisFor(Path dir, Path explicit) throws IOException {
        return GenesisChoice.of(dir, explicit).genesis();
    }

    private static long heightOrder(long h) {
        return h < 0 ? Long.MAX_VALUE : h;
    }
}

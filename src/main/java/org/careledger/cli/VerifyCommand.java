package org.careledger.cli;

import org.careledger.contracts.DevConsortium;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.careledger.contracts.Contracts;
import org.careledger.ledger.Genesis;
import org.careledger.ledger.StoredChain;

/**
 * {@code ledger verify --data-dir DIR [--node NAME] [--genesis FILE]}: re-validates every node's
 * stored blocks from genesis, read-only. One line per node, then a summary; exit 0 if all are valid
 * (a torn tail is a crash, not invalid), 1 if any block or record is bad.
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
        Genesis genesis = genesisFor(dir, o.path("--genesis"));
        List<String> names;
        if (o.has("--node")) {
            String name = o.get("--node");
            if (!Files.isDirectory(StoredChain.blocksDirectory(dir, name))) {
                throw new UsageException("no node " + name + " under " + dir.resolve("nodes"));
            }
            names = List.of(name);
        } else {
            names = new ArrayList<>();
            for (String n : StoredChain.nodeNames(dir)) {
                if (Files.isDirectory(StoredChain.blocksDirectory(dir, n))) {
                    names.add(n);
                }
            }
            if (names.isEmpty()) {
                throw new UsageException("no node block stores under " + dir.resolve("nodes"));
            }
        }
        ExecutorService verifiers = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), r -> {
            Thread t = new Thread(r, "careledger-verify");
            t.setDaemon(true);
            return t;
        });
        try {
            StoredChain.Report lowest = null;
            StoredChain.Report firstBad = null;
            for (String name : names) {
                err.println("verifying node " + name + " ...");
                StoredChain.Report r = StoredChain.load(StoredChain.blocksDirectory(dir, name), genesis, Contracts.standard(),
                        System::currentTimeMillis, verifiers).report();
                out.println(nodeLine(name, r));
                if (!r.valid()) {
                    if (firstBad == null || heightOrder(r.badHeight()) < heightOrder(firstBad.badHeight())) {
                        firstBad = r;
                    }
                } else if (lowest == null || r.height() < lowest.height()) {
                    lowest = r;
                }
            }
            if (firstBad != null) {
                out.println("invalid height=" + heightText(firstBad.badHeight()) + " rule=" + firstBad.rule() + ": " + firstBad.explanation());
                return 1;
            }
            out.println("valid height=" + lowest.height() + " transactions=" + lowest.transactions() + " tip=" + lowest.tip().hex());
            return 0;
        } finally {
            verifiers.shutdownNow();
        }
    }

    /** The genesis of a data dir: the given file, else {@code DIR/genesis.json}, else the dev consortium's. */
    static Genesis genesisFor(Path dir, Path explicit) throws IOException {
        Path file = explicit != null ? explicit : dir.resolve("genesis.json");
        if (explicit != null && !Files.isRegularFile(explicit)) {
            throw new UsageException("no genesis file at " + explicit);
        }
        if (Files.isRegularFile(file)) {
            try {
                return GenesisJson.read(file);
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
        }
        return DevConsortium.genesis();
    }

    private static long heightOrder(long h) {
        return h < 0 ? Long.MAX_VALUE : h;
    }

    private static String heightText(long h) {
        return h < 0 ? "unknown" : Long.toString(h);
    }

    static String nodeLine(String name, StoredChain.Report r) {
        String truncated = r.truncatedBytes() > 0 ? " truncated_bytes=" + r.truncatedBytes() : "";
        if (r.valid()) {
            return "node=" + name + " valid height=" + r.height() + " transactions=" + r.transactions() + " tip=" + r.tip().hex()
                    + " records=" + r.records() + truncated;
        }
        return "node=" + name + " invalid height=" + heightText(r.badHeight()) + " rule=" + r.rule() + ": " + r.explanation()
                + " (valid up to height " + r.height() + ")" + truncated;
    }
}

package org.careledger.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;

import org.careledger.contracts.Contracts;
import org.careledger.crypto.PublicKey;
import org.careledger.ledger.Genesis;
import org.careledger.ledger.StoredChain;

/**
 * One node's outcome in {@code ledger verify}: its store re-validated from genesis and held against
 * the node's own signed checkpoint (which proves how far the store once reached), or no store at all.
 * A sealer of the genesis without a store counts as invalid: the portal runs a node for every sealer
 * and creates its store at the first start, so a missing one was lost, not never made.
 */
final class NodeVerdict {

    private final String name;
    /** Null when the node has no block store. */
    private final StoredChain.Report report;
    /** Where the store should be, when there is none. */
    private final Path missingStore;
    private final boolean sealer;
    /** Why the checkpoint proved nothing, or null. */
    private final String checkpointNote;

    private NodeVerdict(String name, StoredChain.Report report, Path missingStore, boolean sealer, String checkpointNote) {
        this.name = name;
        this.report = report;
        this.missingStore = missingStore;
        this.sealer = sealer;
        this.checkpointNote = checkpointNote;
    }

    /** Re-validates node {@code name}'s store under {@code dir}, read-only. */
    static NodeVerdict of(Path dir, String name, GenesisChoice genesis, ExecutorService verifiers) throws IOException {
        PublicKey key = sealerKey(genesis.genesis(), name);
        Path blocks = StoredChain.blocksDirectory(dir, name);
        if (!Files.isDirectory(blocks)) {
            Path node = blocks.getParent();
            return new NodeVerdict(name, null, Files.isDirectory(node) ? blocks : node, key != null, null);
        }
        StoredChain stored = StoredChain.load(blocks, genesis.genesis(), Contracts.standard(), System::currentTimeMillis, verifiers);
        StoredChain.Report r = stored.report();
        if (!r.valid() && "genesis".equals(r.rule()) && stored.foreignGenesis().isPresent()) {
            String why = genesis.foreignStore(stored.foreignGenesis().get());
            if (why != null) {
                r = invalid(r, r.badHeight(), "genesis", why);
            }
        }
        StoredChain.Checked checked = stored.heldAgainstCheckpoint(r, StoredChain.checkpointFile(dir, name), key);
        return new NodeVerdict(name, checked.report(), null, key != null, checked.checkpointNote());
    }

    private static StoredChain.Report invalid(StoredChain.Report r, long badHeight, String rule, String explanation) {
        return StoredChain.invalid(r, badHeight, rule, explanation);
    }

    private static PublicKey sealerKey(Genesis genesis, String name) {
        return genesis.sealers().stream().filter(s -> s.name().equals(name)).map(Genesis.Sealer::key).findFirst().orElse(null);
    }

    String name() {
        return name;
    }

    /** Null if the node has no store. */
    StoredChain.Report report() {
        return report;
    }

    /** Whether this node makes the directory invalid: a bad store, or a sealer without one. */
    boolean invalid() {
        return report == null ? sealer : !report.valid();
    }

    /** The height of the first block this node is missing or holds bad; -1 if unknown. */
    long badHeight() {
        return report == null ? 1 : report.badHeight();
    }

    String rule() {
        return report == null ? "nodeMissing" : report.rule();
    }

    String explanation() {
        if (report != null) {
            return report.explanation();
        }
        return name + " is a sealer of this chain's genesis, but there is no block store under " + missingStore
                + ": the node's blocks are gone; restore its directory from a backup";
    }

    /**
     * The node's line: {@code node=NAME valid ...}, {@code node=NAME invalid ...} or {@code node=NAME
     * absent: ...}; a valid node whose tip is not {@code leader}'s (the highest valid node) says so,
     * as information (a node may lag after a crash).
     */
    String line(NodeVerdict leader) {
        if (report == null) {
            return "node=" + name + " absent: no block store under " + missingStore;
        }
        String truncated = report.truncatedBytes() > 0 ? " truncated_bytes=" + report.truncatedBytes() : "";
        if (!report.valid()) {
            return "node=" + name + " invalid height=" + heightText(report.badHeight()) + " rule=" + report.rule() + ": "
                    + report.explanation() + " (valid up to height " + report.height() + ")" + truncated;
        }
        StringBuilder line = new StringBuilder("node=" + name + " valid height=" + report.height() + " transactions="
                + report.transactions() + " tip=" + report.tip().hex() + " records=" + report.records() + truncated);
        if (leader != null && leader != this && !leader.report.tip().equals(report.tip())) {
            line.append(" (tip differs from ").append(leader.name).append("'s at height ").append(leader.report.height()).append(')');
        }
        if (checkpointNote != null) {
            line.append(" (").append(checkpointNote).append(')');
        }
        return line.toString();
    }

    static String heightText(long h) {
        return h < 0 ? "unknown" : Long.toString(h);
    }
}

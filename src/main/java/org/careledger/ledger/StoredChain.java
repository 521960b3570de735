package org.careledger.ledger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.LongSupplier;

import org.careledger.ledger.store.BlockStore;
import org.careledger.ledger.store.Corruption;
import org.careledger.ledger.store.OpenReport;

/**
 * Reads a node's block store ({@code dataDir/nodes/<name>/blocks}) read-only and re-validates it
 * from genesis: every stored block decoded and fed, in store order, to a fresh {@link Chain}. The
 * directory is never changed, however damaged. For {@code ledger verify}, {@code ledger proof
 * export} and, later, the portal's integrity check; callers outside the ledger need not know the
 * store's types.
 */
public final class StoredChain {

    /**
     * What a re-validation found.
     *
     * @param valid          true if every stored record was intact and every block valid
     * @param height         the height of the main chain rebuilt from the blocks before any problem
     * @param transactions   transactions on that main chain
     * @param tip            that main chain's tip hash
     * @param records        intact records read
     * @param truncatedBytes bytes of a torn tail after the last record (a crash, not invalid)
     * @param badHeight      the height of the first bad block, if not valid (-1 if unknown)
     * @param rule           the rule it broke: a {@link BlockRejectedException#rule()}, {@code encoding},
     *                       {@code genesis} (the store starts from another genesis), {@code orphan},
     *                       {@code storeDuplicate} (a block stored twice), {@code storeChecksum} or
     *                       {@code storeCorruption} (including a block file missing)
     * @param explanation    why, for a person
     */
    public record Report(boolean valid, long height, long transactions, Hash tip, int records, long truncatedBytes,
                         long badHeight, String rule, String explanation) {
    }

    private final Chain chain;
    private final Report report;
    private final Hash foreignGenesis;

    private StoredChain(Chain chain, Report report, Hash foreignGenesis) {
        this.chain = chain;
        this.report = report;
        this.foreignGenesis = foreignGenesis;
    }

    /** The blocks directory of node {@code name} under {@code dataDir}. */
    public static Path blocksDirectory(Path dataDir, String name) {
        return dataDir.resolve("nodes").resolve(name).resolve("blocks");
    }

    /** The checkpoint file node {@code name} writes under {@code dataDir} (see {@link Checkpoint}). */
    public static Path checkpointFile(Path dataDir, String name) {
        return dataDir.resolve("nodes").resolve(name).resolve(Checkpoint.FILE_NAME);
    }

    /** The names of the nodes that have a directory under {@code dataDir/nodes}, sorted. */
    public static List<String> nodeNames(Path dataDir) throws IOException {
        Path nodes = dataDir.resolve("nodes");
        if (!Files.isDirectory(nodes)) {
            return List.of();
        }
        try (var entries = Files.list(nodes)) {
            return entries.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /**
     * Opens the store under {@code blocksDir} read-only and re-validates every block. Transaction
     * signatures of each block are checked on {@code verifiers} in parallel first (each one still
     * checked once); pass null to check them on the caller's thread.
     */
    public static StoredChain load(Path blocksDir, Genesis genesis, StateMachine machine, LongSupplier clockMillis,
                                   ExecutorService verifiers) throws IOException {
        return load(blocksDir, genesis, machine, clockMillis, verifiers, Progress.NONE);
    }

    /**
     * Follows a re-validation: told after each stored record, and asked whether to stop. A running
     * portal's integrity audit shows a progress bar with it and can be cancelled.
     */
    public interface Progress {

        Progress NONE = new Progress() {
            @Override
            public void advanced(int records, int total) {
            }

            @Override
            public boolean cancelled() {
                return false;
            }
        };

        /** {@code records} of the store's {@code total} records are re-validated. */
        void advanced(int records, int total);

        /** Whether to stop: {@link #load} then throws {@link java.util.concurrent.CancellationException}. */
        boolean cancelled();
    }

    /**
     * As {@link #load(Path, Genesis, StateMachine, LongSupplier, ExecutorService)}, telling
     * {@code progress} after each record.
     *
     * @throws java.util.concurrent.CancellationException if {@code progress} asked to stop
     */
    public static StoredChain load(Path blocksDir, Genesis genesis, StateMachine machine, LongSupplier clockMillis,
                                   ExecutorService verifiers, Progress progress) throws IOException {
        SignatureCache signatures = new SignatureCache(Block.MAX_TRANSACTIONS * 2);
        Chain chain = new Chain(genesis, machine, new BlockRules(genesis, clockMillis, signatures));
        try (BlockStore store = BlockStore.openReadOnly(blocksDir)) {
            OpenReport opened = store.openReport();
            Problem[] problem = {null};
            Hash[] foreign = {null};
            int[] records = {0};
            long[] lastRecordHeight = {0};
            int total = store.count();
            store.forEach(record -> {
                if (problem[0] != null) {
                    return;
                }
                if (progress.cancelled()) {
                    throw new java.util.concurrent.CancellationException("the re-validation was cancelled at height " + chain.height());
                }
                records[0]++;
                progress.advanced(records[0], total);
                lastRecordHeight[0] = record.height();
                try {
                    Block block = Block.decode(record.payload());
                    if (block.height() != record.height()) {
                        problem[0] = new Problem(record.height(), "encoding", "the record says height " + record.height()
                                + " but the block inside is at height " + block.height());
                        return;
                    }
                    if (chain.contains(block.hash())) {
                        problem[0] = new Problem(record.height(), "storeDuplicate", StoreReplay.storedTwice(block, records[0]));
                        return;
                    }
                    preverify(block, signatures, verifiers);
                    ChainUpdate update = chain.add(block);
                    if (update.kind() == ChainUpdate.Kind.ORPHAN && block.height() == 1) {
                        foreign[0] = block.header().previousHash();
                        problem[0] = new Problem(1, "genesis", StoreReplay.foreignGenesis(block, chain));
                    } else if (update.kind() == ChainUpdate.Kind.ORPHAN) {
                        problem[0] = new Problem(record.height(), "orphan", "block " + block.hash().shortHex()
                                + " has no stored parent " + block.header().previousHash().shortHex());
                    }
                } catch (MalformedEncodingException e) {
                    problem[0] = new Problem(record.height(), "encoding", e.getMessage());
                } catch (BlockRejectedException e) {
                    problem[0] = new Problem(e.height(), e.rule(), stripPrefix(e));
                }
            });
            if (problem[0] == null && opened.corruption().isPresent()) {
                Corruption c = opened.corruption().get();
                String rule = c.reason().contains("checksum") ? "storeChecksum" : "storeCorruption";
                if (c.height() >= 0) {
                    problem[0] = new Problem(c.height(), rule, c.message());
                } else if (c.fileMissing()) {
                    problem[0] = new Problem(lastRecordHeight[0] + 1, rule, c.message());
                } else {
                    problem[0] = new Problem(lastRecordHeight[0] + 1, rule, c.message()
                            + " (its header is damaged: the record after height " + lastRecordHeight[0] + ")");
                }
            }
            long txs = 0;
            for (Block b : chain.mainChainBlocks()) {
                txs += b.transactions().size();
            }
            Problem p = problem[0];
            Report report = new Report(p == null, chain.height(), txs, chain.tip().hash(), records[0],
                    opened.bytesTruncated(), p == null ? -1 : p.height, p == null ? null : p.rule,
                    p == null ? null : p.explanation);
            return new StoredChain(chain, report, foreign[0]);
        }
    }

    private record Problem(long height, String rule, String explanation) {
    }

    private static String stripPrefix(BlockRejectedException e) {
        String prefix = "block " + e.height() + " rejected by " + e.rule() + ": ";
        String m = e.getMessage();
        return m.startsWith(prefix) ? m.substring(prefix.length()) : m;
    }

    private static void preverify(Block block, SignatureCache signatures, ExecutorService verifiers) {
        List<Transaction> txs = block.transactions();
        if (verifiers == null || txs.size() < 8) {
            return;
        }
        int parts = 8;
        List<Future<?>> futures = new ArrayList<>(parts);
        int chunk = (txs.size() + parts - 1) / parts;
        for (int from = 0; from < txs.size(); from += chunk) {
            List<Transaction> slice = txs.subList(from, Math.min(txs.size(), from + chunk));
            futures.add(verifiers.submit(() -> slice.forEach(signatures::isValid)));
        }
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (ExecutionException e) {
                // the block's own validation checks the signature again and names the failure
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    public Report report() {
        return report;
    }

    /**
     * The genesis hash the store's first block builds on, if that is not this chain's genesis (the
     * report's rule is then {@code genesis}): for saying which genesis the store belongs to.
     */
    public Optional<Hash> foreignGenesis() {
        return Optional.ofNullable(foreignGenesis);
    }

    /**
     * {@code report} (this chain's, or one a caller amended) held against the node's own signed
     * checkpoint in {@code checkpointFile} ({@link CheckpointEvidence}): a checkpoint naming a block the
     * store no longer holds makes a valid report invalid under {@code storeLost}; one that proves
     * nothing adds a note. {@code nodeKey} is the node's sealer key in the genesis, null if it is none.
     */
    public Checked heldAgainstCheckpoint(Report report, Path checkpointFile, org.careledger.crypto.PublicKey nodeKey) {
        CheckpointEvidence.Finding checkpoint = CheckpointEvidence.examine(checkpointFile, nodeKey, chain);
        if (checkpoint.kind() == CheckpointEvidence.Kind.LOST && report.valid()) {
            return new Checked(invalid(report, Math.min(checkpoint.height(), report.height() + 1), "storeLost",
                    checkpoint.explanation()), null);
        }
        return new Checked(report, checkpoint.kind() == CheckpointEvidence.Kind.UNUSABLE ? checkpoint.explanation() : null);
    }

    /** A report and, when the checkpoint proved nothing, why (else null). */
    public record Checked(Report report, String checkpointNote) {
    }

    /** {@code r} made invalid at {@code badHeight} under {@code rule}. */
    public static Report invalid(Report r, long badHeight, String rule, String explanation) {
        return new Report(false, r.height(), r.transactions(), r.tip(), r.records(), r.truncatedBytes(), badHeight, rule, explanation);
    }

    /** The rebuilt chain (up to the first problem). */
    public Chain chain() {
        return chain;
    }

    /** The main chain's block at {@code height}, if the rebuilt chain reaches it. */
    public Optional<Block> blockAt(long height) {
        return chain.blockAt(height);
    }
}

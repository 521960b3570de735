package org.careledger.ledger;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

import org.careledger.crypto.PublicKey;

/**
 * What a node's own signed checkpoint says about its block store, for {@code ledger verify}. A node
 * writes its checkpoint only after the blocks up to it are stored and forced to disk
 * ({@link Node#writeCheckpoint}), so a checkpoint naming a block that the store no longer holds means
 * that committed blocks are gone: a block file truncated or deleted, or an older copy restored. A
 * crash cannot do that (it tears at most the record being written, which no checkpoint names yet),
 * and the store cannot see it on its own, as a store cut at a record boundary looks whole.
 *
 * <p>Only the checkpoint's height, block hash and signature are used, never its state: verify still
 * re-validates every block. Reading changes nothing on disk.
 */
public final class CheckpointEvidence {

    /** What the checkpoint showed. */
    public enum Kind {
        /** There is no checkpoint file: the node never wrote one (fewer than 100 blocks and never closed). */
        NONE,
        /** The checkpoint's block is in the store. */
        HELD,
        /** The checkpoint names a block the store lacks: committed blocks are gone. */
        LOST,
        /** A checkpoint file is there but proves nothing: unreadable, or not signed with the node's key. */
        UNUSABLE
    }

    /**
     * @param kind        what the checkpoint showed
     * @param height      the checkpoint's height, -1 for {@code NONE} and {@code UNUSABLE}
     * @param explanation for {@code LOST} and {@code UNUSABLE}, why, for a person; else null
     */
    public record Finding(Kind kind, long height, String explanation) {
    }

    private CheckpointEvidence() {
    }

    /**
     * Compares the checkpoint in {@code file}, if it is there and signed with {@code nodeKey} (the
     * node's sealer key from the genesis; null if the node is no sealer), with {@code stored}, the
     * chain rebuilt from the node's store.
     */
    public static Finding examine(Path file, PublicKey nodeKey, Chain stored) {
        Optional<Checkpoint> read;
        try {
            read = Checkpoint.readFrom(file);
        } catch (IOException | MalformedEncodingException e) {
            return new Finding(Kind.UNUSABLE, -1, "checkpoint ignored: it cannot be read: " + e.getMessage());
        }
        if (read.isEmpty()) {
            return new Finding(Kind.NONE, -1, null);
        }
        Checkpoint checkpoint = read.get();
        if (nodeKey == null) {
            return new Finding(Kind.UNUSABLE, -1, "checkpoint ignored: the node is not a sealer of this genesis");
        }
        if (!checkpoint.isSignedBy(nodeKey)) {
            return new Finding(Kind.UNUSABLE, -1, "checkpoint ignored: it is not signed with the node's sealer key");
        }
        if (stored.contains(checkpoint.blockHash())) {
            return new Finding(Kind.HELD, checkpoint.height(), null);
        }
        long end = stored.height();
        String explanation = end < checkpoint.height()
                ? "the checkpoint at height " + checkpoint.height() + " was written after block " + checkpoint.height()
                        + " was stored, but the store ends at height " + end + ": committed blocks are gone"
                : "the checkpoint at height " + checkpoint.height() + " was written after block "
                        + checkpoint.blockHash().shortHex() + " was stored, but the store does not hold that block:"
                        + " committed blocks are gone";
        return new Finding(Kind.LOST, checkpoint.height(), explanation);
    }
}

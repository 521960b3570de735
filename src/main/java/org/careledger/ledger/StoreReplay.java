package org.careledger.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;

import org.careledger.crypto.PublicKey;
import org.careledger.ledger.store.BlockStore;

/**
 * Rebuilds a node's chain from its store at start. With a checkpoint the node signed itself, blocks
 * up to it are checked for structure, work and sealer only and the checkpoint's state is attached
 * (its root must equal the one in that block's header); later blocks are validated in full. Without
 * one, or if the checkpoint does not match the store, every block is validated in full; each block's
 * signatures are checked on the common pool while the block before it is applied ({@link SignatureChecks}).
 */
final class StoreReplay {

    private static final System.Logger log = System.getLogger(StoreReplay.class.getName());

    record Result(Chain chain, String refusal, boolean usedCheckpoint) {
    }

    private static final class CheckpointMismatch extends RuntimeException {
        CheckpointMismatch(String message) {
            super(message);
        }
    }

    private StoreReplay() {
    }

    static Result run(String node, BlockStore store, Path checkpointFile, PublicKey ownKey, Supplier<Chain> newChain,
                      StateMachine machine, Genesis genesis, SignatureCache signatures) {
        Optional<Checkpoint> checkpoint = readOwn(node, checkpointFile, ownKey);
        if (checkpoint.isPresent()) {
            try {
                return replay(store, newChain.get(), checkpoint.get(), machine, genesis, signatures);
            } catch (CheckpointMismatch e) {
                log.log(System.Logger.Level.WARNING, "Node " + node + " ignores its checkpoint (" + e.getMessage()
                        + ") and re-validates its whole store");
            }
        }
        return replay(store, newChain.get(), null, machine, genesis, signatures);
    }

    private static Optional<Checkpoint> readOwn(String node, Path file, PublicKey ownKey) {
        try {
            Optional<Checkpoint> checkpoint = Checkpoint.readFrom(file);
            if (checkpoint.isPresent() && !checkpoint.get().isSignedBy(ownKey)) {
                log.log(System.Logger.Level.WARNING, "Node " + node + ": the checkpoint in " + file + " is not signed by this node; ignored");
                return Optional.empty();
            }
            return checkpoint;
        } catch (IOException | MalformedEncodingException e) {
            log.log(System.Logger.Level.WARNING, "Node " + node + ": the checkpoint in " + file + " cannot be read (" + e.getMessage() + "); ignored");
            return Optional.empty();
        }
    }

    /** A decoded block waiting to be added while the signatures of the next one are checked. */
    private record Pending(Block block, int recordNumber, long recordHeight, SignatureChecks checks) {
    }

    private static Result replay(BlockStore store, Chain chain, Checkpoint checkpoint, StateMachine machine, Genesis genesis,
                                 SignatureCache signatures) {
        String[] refusal = {null};
        boolean[] attached = {false};
        int[] records = {0};
        Pending[] pending = {null};
        try {
            store.forEach(record -> {
                records[0]++;
                if (refusal[0] != null) {
                    return;
                }
                Block block;
                try {
                    block = Block.decode(record.payload());
                } catch (MalformedEncodingException e) {
                    String before = addPending(pending, chain, checkpoint, attached, machine, genesis);
                    refusal[0] = before != null ? before : "stored block at height " + record.height() + " is invalid: " + e.getMessage();
                    return;
                }
                boolean full = checkpoint == null || block.height() > checkpoint.height();
                SignatureChecks checks = full ? SignatureChecks.start(block.transactions(), signatures) : null;
                refusal[0] = addPending(pending, chain, checkpoint, attached, machine, genesis);
                pending[0] = new Pending(block, records[0], record.height(), checks);
            });
            if (refusal[0] == null) {
                refusal[0] = addPending(pending, chain, checkpoint, attached, machine, genesis);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (checkpoint != null && !attached[0] && refusal[0] == null) {
            throw new CheckpointMismatch("its block at height " + checkpoint.height() + " is not in the store");
        }
        return new Result(chain, refusal[0], checkpoint != null);
    }

    /** Adds the block held back, if any, once its signatures are checked; returns why the node must refuse to build, or null. */
    private static String addPending(Pending[] pending, Chain chain, Checkpoint checkpoint, boolean[] attached,
                                     StateMachine machine, Genesis genesis) {
        Pending p = pending[0];
        pending[0] = null;
        if (p == null) {
            return null;
        }
        if (p.checks() != null) {
            p.checks().finish();
        }
        return replayOne(p.block(), p.recordNumber(), p.recordHeight(), chain, checkpoint, attached, machine, genesis);
    }

    /** Adds one stored block; returns why the node must refuse to build, or null. */
    private static String replayOne(Block block, int recordNumber, long recordHeight, Chain chain, Checkpoint checkpoint,
                                    boolean[] attached, StateMachine machine, Genesis genesis) {
        try {
            if (chain.contains(block.hash())) {
                return storedTwice(block, recordNumber);
            }
            ChainUpdate update;
            if (checkpoint != null && block.height() <= checkpoint.height()) {
                update = chain.addUnderCheckpoint(block);
                if (block.hash().equals(checkpoint.blockHash())) {
                    attach(chain, checkpoint, machine, genesis);
                    attached[0] = true;
                }
            } else {
                if (checkpoint != null && !attached[0]) {
                    throw new CheckpointMismatch("its block at height " + checkpoint.height() + " did not come before height " + block.height());
                }
                update = chain.add(block);
            }
            if (update.kind() == ChainUpdate.Kind.ORPHAN && block.height() == 1) {
                return foreignGenesis(block, chain);
            }
            if (update.kind() == ChainUpdate.Kind.ORPHAN) {
                return "stored block at height " + recordHeight + " has no stored parent";
            }
            return null;
        } catch (MalformedEncodingException | BlockRejectedException e) {
            return "stored block at height " + recordHeight + " is invalid: " + e.getMessage();
        }
    }

    /**
     * Why a block met a second time in the store is damage: a node stores only blocks new to it
     * ({@link Node#accept}), so the same block twice is a copied or replayed record, not a crash.
     */
    static String storedTwice(Block block, int recordNumber) {
        return "block " + block.hash().shortHex() + " at height " + block.height() + " is stored a second time (record "
                + recordNumber + "); a node stores each block once, so the store is damaged";
    }

    /** Why a stored first block does not follow this chain's genesis. */
    static String foreignGenesis(Block first, Chain chain) {
        return "the stored chain starts from genesis " + first.header().previousHash().shortHex() + ", not this install's genesis "
                + chain.genesisHeader().hash().shortHex() + " (a store of another chain, or one written before genesis hashes"
                + " committed to the genesis parameters: see the README's upgrade notes)";
    }

    private static void attach(Chain chain, Checkpoint checkpoint, StateMachine machine, Genesis genesis) {
        WorldState state;
        try {
            state = machine.restore(genesis, checkpoint.snapshot());
        } catch (MalformedEncodingException e) {
            throw new CheckpointMismatch("its snapshot cannot be read: " + e.getMessage());
        }
        if (!state.root().equals(checkpoint.stateRoot())) {
            throw new CheckpointMismatch("its snapshot does not give the state root it names");
        }
        try {
            chain.attachCheckpointState(checkpoint.blockHash(), state);
        } catch (IllegalArgumentException e) {
            throw new CheckpointMismatch(e.getMessage());
        }
    }
}

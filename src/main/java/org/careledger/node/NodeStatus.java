package org.careledger.node;

import java.time.Instant;
import java.util.Optional;

import org.careledger.crypto.Address;
import org.careledger.ledger.Hash;

/**
 * One consortium node as the console shows it, read at one moment.
 *
 * @param name             the node's name ({@code city-general}, {@code node-1} ...)
 * @param sealer           the address it seals with
 * @param home             whether it is the portal's home node (the one the portal submits to and reads)
 * @param height           its main chain's height
 * @param tip              its main chain's tip hash
 * @param tipTime          the tip's timestamp
 * @param peersReachable   how many of the other nodes it can reach now
 * @param peers            how many other nodes there are
 * @param hashesPerSecond  the hash rate of its last block search; 0 before it has mined
 * @param nextDifficulty   the difficulty of the next block on its chain
 * @param mempoolSize      transactions waiting in its pool
 * @param mempoolBytes     their encoded bytes
 * @param storeBytes       bytes of its block files on disk
 * @param checkpointHeight the height of its signed checkpoint on disk, -1 if it has none yet
 * @param sealingPaused    whether an admin paused its sealing (it still validates and follows)
 * @param refusal          why it refuses to build on its store, if it does
 */
public record NodeStatus(String name, Address sealer, boolean home, long height, Hash tip, Instant tipTime, int peersReachable,
                         int peers, double hashesPerSecond, long nextDifficulty, int mempoolSize, long mempoolBytes,
                         long storeBytes, long checkpointHeight, boolean sealingPaused, Optional<String> refusal) {

    /** Whether it can seal blocks now: not paused and not refusing its store. */
    public boolean sealing() {
        return !sealingPaused && refusal.isEmpty();
    }
}

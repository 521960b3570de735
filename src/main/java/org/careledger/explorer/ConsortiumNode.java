package org.careledger.explorer;

import java.time.Instant;
import java.util.Optional;

import org.careledger.crypto.Address;
import org.careledger.ledger.Hash;

/**
 * One consortium node as the admins' console shows it, read at one moment with the others.
 *
 * @param name             the node's name ({@code st-marys}, {@code node-1} ...)
 * @param hospital         the provider the portal knows by the node's name, if any
 * @param sealer           the address it seals with
 * @param home             whether it is the portal's home node
 * @param height           its main chain's height
 * @param tip              its main chain's tip hash
 * @param lastBlockTime    the tip's timestamp
 * @param tipAgreement     how its tip stands against the other nodes'
 * @param blocksBehind     how many blocks it is behind the highest node (0 unless {@link TipAgreement#BEHIND})
 * @param peersReachable   how many of the other nodes it can reach now
 * @param peers            how many other nodes there are
 * @param hashesPerSecond  the hash rate of its last block search; 0 before it has mined
 * @param difficulty       the difficulty its next block must meet
 * @param mempoolSize      transactions waiting in its pool
 * @param mempoolBytes     their encoded bytes
 * @param storeBytes       bytes of its block files on disk
 * @param checkpointHeight the height of its signed checkpoint on disk, -1 if it has none yet
 * @param sealingPaused    whether an admin paused its sealing (it still validates and follows)
 * @param refusal          why it refuses to build on its store, if it does
 */
public record ConsortiumNode(String name, Optional<String> hospital, Address sealer, boolean home, long height, Hash tip,
                             Instant lastBlockTime, TipAgreement tipAgreement, long blocksBehind, int peersReachable, int peers,
                             double hashesPerSecond, long difficulty, int mempoolSize, long mempoolBytes, long storeBytes,
                             long checkpointHeight, boolean sealingPaused, Optional<String> refusal) {

    /** How a node's tip stands against the others'. */
    public enum TipAgreement {
        /** At the highest height, on the same tip as every other node there. */
        AGREES,
        /** At the highest height, on a tip another node at that height does not share: a fork. */
        FORKED,
        /** Below the highest height: catching up, or cut off. */
        BEHIND
    }

    /** Whether it can seal blocks now: not paused and not refusing its store. */
    public boolean sealing() {
        return !sealingPaused && refusal.isEmpty();
    }
}

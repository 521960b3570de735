package org.careledger.ledger;

import java.math.BigInteger;

/**
 * Difficulty retargeting, as Bitcoin does it: every {@code interval} blocks the difficulty is scaled
 * by how much faster or slower than {@code targetBlockMillis} the last interval was mined, the
 * measured time clamped to a quarter and four times the expected time so one retarget changes the
 * difficulty by at most a factor of four. Between retargets a block keeps its parent's difficulty.
 *
 * @param targetBlockMillis the block time the consortium aims at
 * @param interval          blocks between retargets
 * @param minDifficulty     the floor (tests and demos use 1 and so never wait)
 */
public record DifficultyRule(long targetBlockMillis, int interval, long minDifficulty) {

    public static final int MAX_FACTOR = 4;

    public DifficultyRule {
        if (targetBlockMillis < 1 || interval < 1 || minDifficulty < 1) {
            throw new IllegalArgumentException("Target block time, interval and minimum difficulty are positive");
        }
    }

    /** Whether the block at {@code height} starts a new interval. */
    public boolean isRetarget(long height) {
        return height > 0 && height % interval == 0;
    }

    /**
     * The difficulty the block at {@code parentHeight + 1} must carry.
     *
     * @param parent            the parent's header
     * @param intervalStartTime the timestamp of the block {@code interval} blocks before the new one
     *                          (only read at a retarget)
     */
    public long next(BlockHeader parent, long intervalStartTime) {
        long height = parent.height() + 1;
        if (!isRetarget(height)) {
            return parent.difficulty();
        }
        long expected = targetBlockMillis * interval;
        long actual = Math.max(expected / MAX_FACTOR, Math.min(expected * MAX_FACTOR, parent.timestamp() - intervalStartTime));
        BigInteger scaled = BigInteger.valueOf(parent.difficulty()).multiply(BigInteger.valueOf(expected))
                .divide(BigInteger.valueOf(Math.max(actual, 1)));
        long next = scaled.bitLength() > 62 ? Long.MAX_VALUE / 2 : scaled.longValue();
        return Math.max(minDifficulty, next);
    }
}

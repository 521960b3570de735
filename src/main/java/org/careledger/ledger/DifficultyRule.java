package org.careledger.ledger;

import java.math.BigInteger;

/**
 * Difficulty retargeting, as Bitcoin does it: every {@code interval} blocks the difficulty is scaled
 * by how much faster or slower than {@code targetBlockMillis} the blocks of the window before it were
 * mined, the measured time clamped to a quarter and four times the expected time so one retarget
 * changes the difficulty by at most a factor of four. Between retargets a block keeps its parent's
 * difficulty.
 *
 * <p>The window is the {@code interval} block gaps ending at the parent (Bitcoin counts one gap
 * fewer), never reaching back to the genesis block: its time is when the chain was defined, which
 * says nothing about how fast blocks are mined (the dev genesis is dated 2026-01-01, an install's own
 * genesis the moment it was made), so the first window starts at block 1 and is shorter.
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

    /** The height of the block whose time starts the window measured for the block at {@code height}. */
    public long windowStart(long height) {
        return Math.min(height - 1, Math.max(1, height - 1 - interval));
    }

    /**
     * The difficulty the block at {@code parent.height() + 1} must carry.
     *
     * @param parent      the parent's header
     * @param windowStart the header at {@link #windowStart} of the new block's height on the same
     *                    branch (only read at a retarget)
     */
    public long next(BlockHeader parent, BlockHeader windowStart) {
        long height = parent.height() + 1;
        if (!isRetarget(height)) {
            return parent.difficulty();
        }
        long gaps = parent.height() - windowStart.height();
        if (gaps < 1) {
            return parent.difficulty(); // no block after the genesis yet to measure
        }
        long expected = targetBlockMillis * gaps;
        long actual = Math.max(expected / MAX_FACTOR, Math.min(expected * MAX_FACTOR, parent.timestamp() - windowStart.timestamp()));
        BigInteger scaled = BigInteger.valueOf(parent.difficulty()).multiply(BigInteger.valueOf(expected))
                .divide(BigInteger.valueOf(Math.max(actual, 1)));
        long next = scaled.bitLength() > 62 ? Long.MAX_VALUE / 2 : scaled.longValue();
        return Math.max(minDifficulty, next);
    }
}

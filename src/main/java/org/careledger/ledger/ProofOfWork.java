package org.careledger.ledger;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * The proof-of-work rule: a header's hash, read as an unsigned 256-bit number, must lie below the
 * target {@code floor((2^256 - 1) / difficulty)}. The difficulty is thus the expected number of
 * hashes per block, and also the block's work in fork choice.
 */
public final class ProofOfWork {

    private static final BigInteger MAX = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);

    private ProofOfWork() {
    }

    /** The target as 32 big-endian bytes, for a fast unsigned comparison with a hash. */
    public static byte[] target(long difficulty) {
        if (difficulty < 1) {
            throw new IllegalArgumentException("A difficulty is at least 1");
        }
        byte[] raw = MAX.divide(BigInteger.valueOf(difficulty)).toByteArray();
        byte[] target = new byte[32];
        int copy = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - copy, target, 32 - copy, copy);
        return target;
    }

    /** True if a hash (32 bytes) lies below the target. */
    public static boolean meets(byte[] hash, byte[] target) {
        return Arrays.compareUnsigned(hash, target) < 0;
    }

    public static boolean satisfiedBy(BlockHeader header) {
        return meets(header.hash().bytes(), target(header.difficulty()));
    }
}

package org.careledger.crypto;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Objects;

import org.bouncycastle.util.BigIntegers;

/**
 * A recoverable secp256k1 ECDSA signature (r, s, v) in canonical form.
 *
 * <p>Every instance satisfies 1 &le; r &lt; n, 1 &le; s &le; n/2 (the low-s rule of BIP-62 and
 * EIP-2, which removes the malleable twin (r, n-s) of every signature) and v &isin; {0, 1}, the
 * recovery id. The wire form is 65 bytes: r (32) || s (32) || v (1). Ethereum's legacy 27/28
 * and EIP-155 v values are a transaction-encoding concern and are not accepted here.
 */
public final class Signature {

    /** Length of {@link #toBytes()}. */
    public static final int LENGTH = 65;

    private final BigInteger r;
    private final BigInteger s;
    private final int v;
    /** r || s, 64 bytes, made on first use: what libsecp256k1 reads at every verification. */
    private volatile byte[] compact;

    private Signature(BigInteger r, BigInteger s, int v) {
        this.r = r;
        this.s = s;
        this.v = v;
    }

    /**
     * @throws InvalidSignatureException if r or s is out of range, s is high, or v is not 0/1
     */
    public static Signature of(BigInteger r, BigInteger s, int v) {
        Objects.requireNonNull(r, "r");
        Objects.requireNonNull(s, "s");
        if (!Secp256k1.inRange(r)) {
            throw new InvalidSignatureException("Signature value r must be between 1 and n-1");
        }
        if (!Secp256k1.inRange(s)) {
            throw new InvalidSignatureException("Signature value s must be between 1 and n-1");
        }
        if (s.compareTo(Secp256k1.HALF_N) > 0) {
            throw new InvalidSignatureException(
                    "Signature is not canonical: s is greater than n/2 (low-s rule, EIP-2)");
        }
        if (v != 0 && v != 1) {
            throw new InvalidSignatureException("Signature recovery id must be 0 or 1, got " + v);
        }
        return new Signature(r, s, v);
    }

    /**
     * Reads the 65-byte form r || s || v.
     *
     * @throws InvalidSignatureException on a wrong length or any rule of {@link #of}
     */
    public static Signature fromBytes(byte[] bytes) {
        if (bytes == null || bytes.length != LENGTH) {
            throw new InvalidSignatureException("Signature must be 65 bytes, got "
                    + (bytes == null ? "none" : String.valueOf(bytes.length)));
        }
        BigInteger r = new BigInteger(1, Arrays.copyOfRange(bytes, 0, 32));
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(bytes, 32, 64));
        return of(r, s, bytes[64] & 0xff);
    }

    /** Parses the hexadecimal form of {@link #fromBytes}, with or without {@code 0x}. */
    public static Signature fromHex(String hex) {
        try {
            return fromBytes(Hashes.unhex(Objects.requireNonNull(hex, "hex")));
        } catch (IllegalArgumentException e) {
            throw new InvalidSignatureException("Signature must be hexadecimal", e);
        }
    }

    public BigInteger r() {
        return r;
    }

    public BigInteger s() {
        return s;
    }

    /** The recovery id, 0 or 1. */
    public int v() {
        return v;
    }

    /** r || s (64 bytes), not a copy: for the engines, which only read it. */
    byte[] compactEncoding() {
        byte[] result = compact;
        if (result == null) {
            result = new byte[64];
            System.arraycopy(BigIntegers.asUnsignedByteArray(32, r), 0, result, 0, 32);
            System.arraycopy(BigIntegers.asUnsignedByteArray(32, s), 0, result, 32, 32);
            compact = result;
        }
        return result;
    }

    /** r (32 bytes, big-endian) || s (32 bytes) || v (1 byte). */
    public byte[] toBytes() {
        byte[] out = new byte[LENGTH];
        System.arraycopy(BigIntegers.asUnsignedByteArray(32, r), 0, out, 0, 32);
        System.arraycopy(BigIntegers.asUnsignedByteArray(32, s), 0, out, 32, 32);
        out[64] = (byte) v;
        return out;
    }

    /** {@code 0x} and the 130 hex digits of {@link #toBytes()}. */
    public String toHex() {
        return "0x" + Hashes.hex(toBytes());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Signature other && v == other.v && r.equals(other.r) && s.equals(other.s);
    }

    @Override
    public int hashCode() {
        return Objects.hash(r, s, v);
    }

    @Override
    public String toString() {
        return "Signature[r=0x" + r.toString(16) + ", s=0x" + s.toString(16) + ", v=" + v + "]";
    }
}

package org.careledger.ledger;

import java.util.Arrays;
import java.util.HexFormat;

import org.careledger.crypto.Hashes;

/**
 * A 32-byte SHA-256 digest: a transaction id, a block hash, a Merkle or state root. Immutable, with
 * value equality; {@link #toString()} is lower-case hex, as block explorers print it.
 */
public final class Hash implements Comparable<Hash> {

    public static final int LENGTH = 32;
    public static final Hash ZERO = new Hash(new byte[LENGTH]);

    private final byte[] bytes;

    private Hash(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Wraps 32 bytes (copied). */
    public static Hash wrap(byte[] bytes) {
        if (bytes == null || bytes.length != LENGTH) {
            throw new IllegalArgumentException("A hash has " + LENGTH + " bytes, not " + (bytes == null ? 0 : bytes.length));
        }
        return new Hash(bytes.clone());
    }

    /** SHA-256 of the concatenated parts. */
    public static Hash sha256(byte[]... parts) {
        return new Hash(Hashes.sha256(parts));
    }

    public static Hash fromHex(String hex) {
        String h = hex.startsWith("0x") ? hex.substring(2) : hex;
        try {
            return wrap(HexFormat.of().parseHex(h));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("A hash is 64 hexadecimal characters: " + hex, e);
        }
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    /** Reads one byte without copying the array. */
    public int byteAt(int index) {
        return bytes[index] & 0xff;
    }

    /** Writes the 32 bytes into {@code target} at {@code offset}, without a copy of this hash. */
    public void copyTo(byte[] target, int offset) {
        System.arraycopy(bytes, 0, target, offset, LENGTH);
    }

    public String hex() {
        return HexFormat.of().formatHex(bytes);
    }

    /** The first 8 hex digits, for logs and tables. */
    public String shortHex() {
        return hex().substring(0, 8);
    }

    @Override
    public int compareTo(Hash other) {
        return Arrays.compareUnsigned(bytes, other.bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Hash other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return (bytes[0] & 0xff) << 24 | (bytes[1] & 0xff) << 16 | (bytes[2] & 0xff) << 8 | (bytes[3] & 0xff);
    }

    @Override
    public String toString() {
        return hex();
    }
}

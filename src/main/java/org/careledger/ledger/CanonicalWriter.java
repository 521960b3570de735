package org.careledger.ledger;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes the one canonical binary form of ledger values: integers big-endian and fixed width,
 * variable-length fields prefixed by an unsigned LEB128 length. The same value always gives the
 * same bytes, so the bytes can be hashed and signed.
 */
public final class CanonicalWriter {

    private final ByteArrayOutputStream out;

    public CanonicalWriter() {
        this(128);
    }

    public CanonicalWriter(int expectedSize) {
        out = new ByteArrayOutputStream(expectedSize);
    }

    public CanonicalWriter u8(int value) {
        if (value < 0 || value > 0xff) {
            throw new IllegalArgumentException("Not a byte: " + value);
        }
        out.write(value);
        return this;
    }

    public CanonicalWriter bool(boolean value) {
        return u8(value ? 1 : 0);
    }

    public CanonicalWriter i32BigEndian(int value) {
        out.write(value >>> 24);
        out.write(value >>> 16);
        out.write(value >>> 8);
        out.write(value);
        return this;
    }

    public CanonicalWriter i64BigEndian(long value) {
        for (int shift = 56; shift >= 0; shift -= 8) {
            out.write((int) (value >>> shift));
        }
        return this;
    }

    /** Unsigned LEB128; only non-negative values. */
    public CanonicalWriter varint(long value) {
        if (value < 0) {
            throw new IllegalArgumentException("A length or count is never negative: " + value);
        }
        long v = value;
        while ((v & ~0x7fL) != 0) {
            out.write((int) ((v & 0x7f) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
        return this;
    }

    /** Fixed-size bytes, without a length (the reader knows the size). */
    public CanonicalWriter fixed(byte[] bytes) {
        out.writeBytes(bytes);
        return this;
    }

    public CanonicalWriter hash(Hash hash) {
        return fixed(hash.bytes());
    }

    /** Length-prefixed bytes. */
    public CanonicalWriter bytes(byte[] bytes) {
        varint(bytes.length);
        out.writeBytes(bytes);
        return this;
    }

    /** Length-prefixed UTF-8. */
    public CanonicalWriter string(String text) {
        return bytes(text.getBytes(StandardCharsets.UTF_8));
    }

    public byte[] toByteArray() {
        return out.toByteArray();
    }
}

package org.careledger.ledger.store;

import java.util.Arrays;

/**
 * One record as read back from the store: the height the caller gave with it and its payload, byte
 * for byte as appended. Immutable; {@link #payload()} returns a copy.
 */
public final class StoredRecord {

    private final long height;
    private final byte[] payload;

    public StoredRecord(long height, byte[] payload) {
        this(height, payload.clone(), true);
    }

    /** Takes ownership of {@code payload}, which nobody else may hold: no copy for freshly read bytes. */
    static StoredRecord owning(long height, byte[] payload) {
        return new StoredRecord(height, payload, true);
    }

    private StoredRecord(long height, byte[] payload, boolean owned) {
        this.height = height;
        this.payload = payload;
    }

    public long height() {
        return height;
    }

    public byte[] payload() {
        return payload.clone();
    }

    public int payloadLength() {
        return payload.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StoredRecord other && height == other.height && Arrays.equals(payload, other.payload);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(height) * 31 + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        return "StoredRecord[height=" + height + ", " + payload.length + " payload bytes]";
    }
}

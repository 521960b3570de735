package org.careledger.contracts;

import java.util.Optional;

/** Reads and writes of one transaction, staged until it succeeds. Keys are text, values bytes. */
public interface StateView {

    Optional<byte[]> get(String key);

    void put(String key, byte[] value);

    void delete(String key);

    default long getLong(String key) {
        return get(key).map(StateView::toLong).orElse(0L);
    }

    default void putLong(String key, long value) {
        if (value == 0) {
            delete(key);
        } else {
            byte[] b = new byte[8];
            for (int i = 0; i < 8; i++) {
                b[i] = (byte) (value >>> (56 - 8 * i));
            }
            put(key, b);
        }
    }

    static long toLong(byte[] b) {
        long v = 0;
        for (byte x : b) {
            v = (v << 8) | (x & 0xff);
        }
        return v;
    }
}

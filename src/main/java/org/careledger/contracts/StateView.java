package org.careledger.contracts;

import java.util.Optional;
import java.util.SortedMap;

/** Reads and writes of one transaction, staged until it succeeds. Keys are text, values bytes. */
public interface StateView {

    Optional<byte[]> get(String key);

    /**
     * Every entry whose key starts with {@code prefix}, in key order, this transaction's writes
     * included: what a contract needs to apply a rule over a list (a patient's grants), the same on
     * every node.
     */
    SortedMap<String, byte[]> scan(String prefix);

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

package org.careledger.install;

import java.util.Arrays;

/**
 * The install's master key: 32 bytes under which every private key and data key in custody is
 * wrapped. It never appears in a log, a view or an exception message.
 */
public final class MasterKey {

    public static final int LENGTH = 32;

    private final byte[] key;

    MasterKey(byte[] key) {
        if (key.length != LENGTH) {
            throw new IllegalArgumentException("A master key has " + LENGTH + " bytes, not " + key.length);
        }
        this.key = key.clone();
    }

    /** The raw key, a copy: callers wrap and unwrap with it and should not keep it. */
    public byte[] bytes() {
        return key.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MasterKey other && Arrays.equals(key, other.key);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(key);
    }

    @Override
    public String toString() {
        return "MasterKey[redacted]";
    }
}

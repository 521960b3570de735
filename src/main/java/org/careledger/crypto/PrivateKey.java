package org.careledger.crypto;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;

/**
 * A secp256k1 private key: a 32-byte big-endian scalar d with 1 &le; d &lt; n.
 *
 * <p>The key bytes never leave this object except through {@link #bytes()}, which returns a copy
 * the caller is responsible for; {@link #toString()} shows only the address, so keys cannot leak
 * into logs by accident. The public key is derived once, on first use.
 */
public final class PrivateKey {

    private static final int LENGTH = 32;

    private final byte[] bytes;
    private final BigInteger scalar;
    private volatile PublicKey publicKey;

    private PrivateKey(byte[] bytes, BigInteger scalar) {
        this.bytes = bytes;
        this.scalar = scalar;
    }

    /** A fresh random key drawn from {@code random} (retries the negligible out-of-range case). */
    public static PrivateKey generate(SecureRandom random) {
        Objects.requireNonNull(random, "random");
        byte[] candidate = new byte[LENGTH];
        while (true) {
            random.nextBytes(candidate);
            BigInteger d = new BigInteger(1, candidate);
            if (Secp256k1.inRange(d)) {
                return new PrivateKey(candidate.clone(), d);
            }
        }
    }

    /**
     * @throws InvalidKeyException if {@code bytes} is not 32 bytes or not in [1, n-1]
     */
    public static PrivateKey fromBytes(byte[] bytes) {
        if (bytes == null || bytes.length != LENGTH) {
            throw new InvalidKeyException("Private key must be 32 bytes, got "
                    + (bytes == null ? "none" : String.valueOf(bytes.length)));
        }
        BigInteger d = new BigInteger(1, bytes);
        if (!Secp256k1.inRange(d)) {
            throw new InvalidKeyException(
                    "Private key is out of range: it must be between 1 and the secp256k1 group order minus 1");
        }
        return new PrivateKey(bytes.clone(), d);
    }

    /**
     * Parses 64 hexadecimal digits, with or without {@code 0x}.
     *
     * @throws InvalidKeyException if the text is not hexadecimal or not a valid key
     */
    public static PrivateKey fromHex(String hex) {
        if (hex == null) {
            throw new InvalidKeyException("Private key is missing");
        }
        try {
            return fromBytes(Hashes.unhex(hex));
        } catch (IllegalArgumentException e) {
            throw new InvalidKeyException("Private key must be 64 hexadecimal characters", e);
        }
    }

    /** A copy of the 32 key bytes; erase it when done. */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The matching public key d·G. */
    public PublicKey publicKey() {
        PublicKey result = publicKey;
        if (result == null) {
            result = Secp256k1.publicKeyOf(this);
            publicKey = result;
        }
        return result;
    }

    /** The account address of this key. */
    public Address address() {
        return publicKey().address();
    }

    BigInteger scalar() {
        return scalar;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PrivateKey other && MessageDigest.isEqual(bytes, other.bytes);
    }

    /** Derived from a hash of the key, so hash buckets reveal nothing about the key bits. */
    @Override
    public int hashCode() {
        return Arrays.hashCode(Arrays.copyOf(Hashes.sha256(bytes), 4));
    }

    /** Never contains the key: {@code PrivateKey[redacted, address=0x…]}. */
    @Override
    public String toString() {
        return "PrivateKey[redacted, address=" + address() + "]";
    }
}

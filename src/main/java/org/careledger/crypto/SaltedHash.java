package org.careledger.crypto;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;

/**
 * A salted SHA-256 commitment to a value whose plain hash could be reversed by trying every
 * candidate (a national id, a date of birth, a short code): {@code SHA-256(salt || canonicalForm)},
 * salt first, with a 32-byte random salt kept separately from the hash.
 *
 * <p>This is not a password hash: it is fast by design. It stops dictionary and rainbow-table
 * reversal of values published on the ledger as long as the salt stays private; it does not slow
 * down an attacker who holds the salt. Callers must hash one agreed canonical byte form of the
 * value (e.g. trimmed, upper-case, UTF-8) or equal values will not match.
 */
public final class SaltedHash {

    /** Length of salts and hashes in bytes. */
    public static final int LENGTH = 32;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] hash;

    private SaltedHash(byte[] hash) {
        this.hash = hash;
    }

    /** 32 fresh random bytes. */
    public static byte[] newSalt() {
        byte[] salt = new byte[LENGTH];
        RANDOM.nextBytes(salt);
        return salt;
    }

    /**
     * SHA-256(salt32 || canonicalForm).
     *
     * @throws IllegalArgumentException if the salt is not 32 bytes
     */
    public static SaltedHash of(byte[] canonicalForm, byte[] salt32) {
        Objects.requireNonNull(canonicalForm, "canonicalForm");
        requireSalt(salt32);
        return new SaltedHash(Hashes.sha256(salt32, canonicalForm));
    }

    /** Restores a stored hash. @throws IllegalArgumentException if not 32 bytes */
    public static SaltedHash fromBytes(byte[] hash) {
        if (hash == null || hash.length != LENGTH) {
            throw new IllegalArgumentException("A salted hash must be 32 bytes");
        }
        return new SaltedHash(hash.clone());
    }

    /** Restores a stored hash from 64 hex digits. */
    public static SaltedHash fromHex(String hex) {
        return fromBytes(Hashes.unhex(Objects.requireNonNull(hex, "hex")));
    }

    /** Whether {@code canonicalForm} with {@code salt32} gives this hash (constant-time compare). */
    public boolean matches(byte[] canonicalForm, byte[] salt32) {
        return MessageDigest.isEqual(hash, of(canonicalForm, salt32).hash);
    }

    public byte[] bytes() {
        return hash.clone();
    }

    /** 64 lower-case hex digits, no prefix. */
    public String hex() {
        return Hashes.hex(hash);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SaltedHash other && MessageDigest.isEqual(hash, other.hash);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(hash);
    }

    @Override
    public String toString() {
        return "SaltedHash[" + hex() + "]";
    }

    private static void requireSalt(byte[] salt) {
        if (salt == null || salt.length != LENGTH) {
            throw new IllegalArgumentException("Salt must be 32 bytes, got "
                    + (salt == null ? "none" : String.valueOf(salt.length)));
        }
    }
}

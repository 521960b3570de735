package org.careledger.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Wraps (encrypts) one key under a key-encryption key, bound to a purpose string such as
 * {@code "careledger:user-key:0x90F8…"}.
 *
 * <p>The purpose is the AES-GCM associated data: it is not stored in the wrapped bytes but must be
 * presented again to unwrap, so a wrapped key copied to another owner's record, or used for
 * another purpose, fails to unwrap instead of silently working. Format as {@link AesGcm}.
 */
public final class KeyWrap {

    private KeyWrap() {
    }

    /**
     * @throws InvalidKeyException if {@code kek32} is not 32 bytes
     * @throws IllegalArgumentException if {@code purpose} is blank
     */
    public static byte[] wrap(byte[] kek32, byte[] key, String purpose) {
        Objects.requireNonNull(key, "key");
        return AesGcm.encrypt(kek32, key, purposeBytes(purpose));
    }

    /**
     * @throws DecryptionFailedException if the wrapped key was altered, or the key-encryption
     *     key or the purpose differs from the one used to wrap it
     */
    public static byte[] unwrap(byte[] kek32, byte[] wrapped, String purpose) {
        byte[] aad = purposeBytes(purpose);
        try {
            return AesGcm.decrypt(kek32, wrapped, aad);
        } catch (DecryptionFailedException e) {
            throw new DecryptionFailedException("Key could not be unwrapped: it was altered, "
                    + "belongs to another owner or purpose, or the wrapping key is wrong", e);
        }
    }

    private static byte[] purposeBytes(String purpose) {
        if (purpose == null || purpose.isBlank()) {
            throw new IllegalArgumentException("A key-wrap purpose is required");
        }
        return purpose.getBytes(StandardCharsets.UTF_8);
    }
}

package org.careledger.crypto;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Authenticated encryption of data at rest with AES-256-GCM (JDK provider).
 *
 * <p>Sealed format, version 1: {@code 0x01 || nonce (12 bytes) || ciphertext || tag (16 bytes)}.
 * Each call to {@link #encrypt} draws a fresh random nonce, so encrypting the same plaintext twice
 * gives different output; with random 96-bit nonces a single key should seal no more than about
 * 2^32 messages. The associated data is authenticated but not stored: the same bytes must be
 * supplied to {@link #decrypt}, which is how a record is bound to its owner or purpose.
 * {@code null} associated data means none. Thread-safe.
 */
public final class AesGcm {

    /** Key length in bytes (AES-256). */
    public static final int KEY_LENGTH = 32;
    /** The format version written as the first byte. */
    public static final byte VERSION = 1;
    static final int NONCE_LENGTH = 12;
    static final int TAG_LENGTH = 16;
    /** Overhead of sealing: version, nonce and tag. */
    public static final int OVERHEAD = 1 + NONCE_LENGTH + TAG_LENGTH;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";

    private AesGcm() {
    }

    /** A fresh random 32-byte key. */
    public static byte[] newKey() {
        byte[] key = new byte[KEY_LENGTH];
        RANDOM.nextBytes(key);
        return key;
    }

    /**
     * Seals {@code plaintext}, authenticating {@code associatedData} with it.
     *
     * @throws InvalidKeyException if the key is not 32 bytes
     */
    public static byte[] encrypt(byte[] key32, byte[] plaintext, byte[] associatedData) {
        requireKey(key32);
        Objects.requireNonNull(plaintext, "plaintext");
        byte[] nonce = new byte[NONCE_LENGTH];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, key32, nonce, associatedData);
            byte[] sealed = new byte[1 + NONCE_LENGTH + cipher.getOutputSize(plaintext.length)];
            sealed[0] = VERSION;
            System.arraycopy(nonce, 0, sealed, 1, NONCE_LENGTH);
            int written = cipher.doFinal(plaintext, 0, plaintext.length, sealed, 1 + NONCE_LENGTH);
            return written == sealed.length - 1 - NONCE_LENGTH
                    ? sealed : Arrays.copyOf(sealed, 1 + NONCE_LENGTH + written);
        } catch (GeneralSecurityException e) {
            throw new CryptoException("AES-GCM encryption failed", e);
        }
    }

    /**
     * Opens data sealed by {@link #encrypt} with the same key and associated data.
     *
     * @throws DecryptionFailedException if the data was altered, the key or associated data is
     *     wrong, the version is unknown, or the input is too short
     * @throws InvalidKeyException if the key is not 32 bytes
     */
    public static byte[] decrypt(byte[] key32, byte[] sealed, byte[] associatedData) {
        requireKey(key32);
        if (sealed == null || sealed.length < OVERHEAD) {
            throw new DecryptionFailedException(
                    "Data could not be decrypted: it is too short to be encrypted data");
        }
        if (sealed[0] != VERSION) {
            throw new DecryptionFailedException(
                    "Data could not be decrypted: unknown format version " + (sealed[0] & 0xff));
        }
        byte[] nonce = Arrays.copyOfRange(sealed, 1, 1 + NONCE_LENGTH);
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, key32, nonce, associatedData);
            return cipher.doFinal(sealed, 1 + NONCE_LENGTH, sealed.length - 1 - NONCE_LENGTH);
        } catch (GeneralSecurityException e) { // AEADBadTagException when the tag fails
            throw new DecryptionFailedException(DecryptionFailedException.DEFAULT_MESSAGE, e);
        }
    }

    private static Cipher cipher(int mode, byte[] key, byte[] nonce, byte[] associatedData)
            throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(TRANSFORMATION);
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_LENGTH * 8, nonce));
        if (associatedData != null && associatedData.length > 0) {
            cipher.updateAAD(associatedData);
        }
        return cipher;
    }

    private static void requireKey(byte[] key) {
        if (key == null || key.length != KEY_LENGTH) {
            throw new InvalidKeyException("Encryption key must be 32 bytes (AES-256), got "
                    + (key == null ? "none" : String.valueOf(key.length)));
        }
    }
}

package org.careledger.crypto;

import java.nio.charset.StandardCharsets;

import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;

/**
 * Derives keys for one purpose each from the install's master key with HKDF-SHA256 (RFC 5869), so
 * the master key itself is used for one thing only and a derived key reveals nothing about it or
 * about the keys derived for other purposes. The purpose is the HKDF "info"; there is no salt, as
 * the master key is already uniformly random.
 */
public final class KeyDerivation {

    private KeyDerivation() {
    }

    /** {@code length} bytes for {@code purpose} (such as {@code careledger/h2-file/v1}) from a 32-byte master key. */
    public static byte[] derive(byte[] masterKey, String purpose, int length) {
        if (masterKey.length != 32) {
            throw new InvalidKeyException("A master key has 32 bytes, not " + masterKey.length);
        }
        HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
        hkdf.init(new HKDFParameters(masterKey, null, purpose.getBytes(StandardCharsets.UTF_8)));
        byte[] out = new byte[length];
        hkdf.generateBytes(out, 0, length);
        return out;
    }

    /**
     * The password of the install's H2 database file ({@code CIPHER=AES}): 32 derived bytes as 64 hex
     * digits. Never stored: every start derives it again from the master key.
     */
    public static char[] databaseFilePassword(byte[] masterKey) {
        return Hashes.hex(derive(masterKey, "careledger/h2-file-password/v1", 32)).toCharArray();
    }
}

package org.careledger.crypto;

import java.util.Base64;

/**
 * A key given as base64 text (the install's master key, from the environment or a file): exactly
 * {@code length} bytes once decoded. The messages say what is wrong without ever showing the key.
 */
public final class Base64Key {

    private Base64Key() {
    }

    /**
     * @throws InvalidKeyException "is not valid base64" or "decodes to N bytes; it must be exactly 32"
     */
    public static byte[] decode(String text, int length) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(text == null ? "" : text.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidKeyException("is not valid base64");
        }
        if (key.length != length) {
            throw new InvalidKeyException("decodes to " + key.length + " bytes; it must be exactly " + length);
        }
        return key;
    }
}

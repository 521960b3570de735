package org.careledger.crypto;

/**
 * Sealed data could not be opened: the authentication tag did not verify (the data or its
 * associated data was altered, or the key is wrong), the format version is unknown, or the
 * input is too short to be sealed data. An authentication failure deliberately does not say
 * whether the data, the associated data or the key was wrong: the cipher cannot tell them apart,
 * and an attacker should learn nothing from the message.
 */
public final class DecryptionFailedException extends CryptoException {

    private static final long serialVersionUID = 1L;

    /** The message shown for every authentication failure. */
    public static final String DEFAULT_MESSAGE =
            "Data could not be decrypted: it was altered or the key is wrong";

    public DecryptionFailedException() {
        super(DEFAULT_MESSAGE);
    }

    public DecryptionFailedException(String message) {
        super(message);
    }

    public DecryptionFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}

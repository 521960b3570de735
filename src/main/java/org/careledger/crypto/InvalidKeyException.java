package org.careledger.crypto;

/**
 * A private, public or symmetric key was rejected: wrong length, out of range for the curve,
 * not a point on secp256k1, or not hexadecimal. Not to be confused with
 * {@code java.security.InvalidKeyException}, which is checked and JDK-internal.
 */
public final class InvalidKeyException extends CryptoException {

    private static final long serialVersionUID = 1L;

    public InvalidKeyException(String message) {
        super(message);
    }

    public InvalidKeyException(String message, Throwable cause) {
        super(message, cause);
    }
}

package org.careledger.crypto;

/**
 * A signature was rejected before or during use: wrong length, r or s out of range, a high s
 * value (non-canonical under the low-s rule), a recovery id other than 0 or 1, or no public key
 * could be recovered from it.
 */
public final class InvalidSignatureException extends CryptoException {

    private static final long serialVersionUID = 1L;

    public InvalidSignatureException(String message) {
        super(message);
    }

    public InvalidSignatureException(String message, Throwable cause) {
        super(message, cause);
    }
}

package org.careledger.crypto;

/**
 * Base of every failure reported by the crypto package. It is unchecked because callers can
 * rarely recover locally: they either reject the input that caused it or let it reach an error
 * boundary. The message is written for a person (it may be shown in the portal) and never
 * contains secret material such as keys or plaintext.
 */
public class CryptoException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CryptoException(String message) {
        super(message);
    }

    public CryptoException(String message, Throwable cause) {
        super(message, cause);
    }
}

package org.careledger.crypto;

/**
 * An account address typed or pasted by a person (or read from storage) was rejected: wrong
 * length, a character that is not hexadecimal, or an EIP-55 checksum that does not match, which
 * usually means a typing error.
 */
public final class InvalidAddressException extends CryptoException {

    private static final long serialVersionUID = 1L;

    public InvalidAddressException(String message) {
        super(message);
    }
}

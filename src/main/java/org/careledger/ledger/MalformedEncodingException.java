package org.careledger.ledger;

/**
 * Bytes that are not a canonical encoding of what was expected: cut short, trailing bytes, a field
 * over its size limit, an unknown version or type tag. The only exception decoding throws.
 */
public class MalformedEncodingException extends RuntimeException {

    public MalformedEncodingException(String message) {
        super(message);
    }
}

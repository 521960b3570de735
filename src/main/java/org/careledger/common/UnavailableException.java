package org.careledger.common;

/**
 * What a person asked for cannot be done now, but may be in a moment (the ledger is still starting, a
 * transaction was not mined within the wait); nothing was done. The message says what and why.
 */
public class UnavailableException extends RuntimeException {

    public UnavailableException(String message) {
        super(message);
    }
}

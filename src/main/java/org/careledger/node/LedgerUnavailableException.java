package org.careledger.node;

/**
 * The ledger cannot take or confirm a transaction now: it is still starting, it refuses to build on
 * a damaged store, or the transaction was not mined within the wait. The message says which.
 */
public class LedgerUnavailableException extends org.careledger.common.UnavailableException {

    public LedgerUnavailableException(String message) {
        super(message);
    }
}

package org.careledger.ledger.store;

import java.io.IOException;

/**
 * An earlier append failed part-way, so the end of the last file is unknown: the store refuses to
 * append until it is reopened, which cuts the torn record off. The cause is the original failure.
 */
public class StoreFailedException extends IOException {

    public StoreFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}

package org.careledger.ledger.store;

import java.io.IOException;

/**
 * The store found damage in its files and refuses to append (or, when reading, found that bytes
 * verified on open have changed since). The message names the file, offset and height.
 */
public class StoreCorruptedException extends IOException {

    private final transient Corruption corruption;

    public StoreCorruptedException(String message, Corruption corruption) {
        super(message);
        this.corruption = corruption;
    }

    public Corruption corruption() {
        return corruption;
    }
}

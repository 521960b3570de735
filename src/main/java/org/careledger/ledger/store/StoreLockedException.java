package org.careledger.ledger.store;

import java.io.IOException;

/**
 * Another {@link BlockStore}, in this process or another, already has the directory open for
 * appending. Only one writer may; readers use {@link BlockStore#openReadOnly}.
 */
public class StoreLockedException extends IOException {

    public StoreLockedException(String message) {
        super(message);
    }
}

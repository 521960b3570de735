package org.careledger.ledger.store;

import java.util.Optional;

/**
 * What {@link BlockStore#open} found.
 *
 * @param recordsRead    intact records the store serves
 * @param bytesTruncated bytes of a record torn by a crash at the end of the last file, cut off on
 *                       open (0 if none; a read-only open reports them but leaves them in place)
 * @param corruption     damage a crash cannot explain, if any; the store then refuses to append
 */
public record OpenReport(int recordsRead, long bytesTruncated, Optional<Corruption> corruption) {

    /** True if nothing was cut and nothing is corrupt. */
    public boolean clean() {
        return bytesTruncated == 0 && corruption.isEmpty();
    }
}

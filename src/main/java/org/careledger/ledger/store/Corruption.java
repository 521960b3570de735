package org.careledger.ledger.store;

/**
 * Damage found in the block files that a crash cannot explain: a bad magic, a header or payload
 * checksum mismatch, a record cut short in a file that is not the last one, a missing file. The
 * store serves only the records before it and refuses to append until an operator repairs the files.
 *
 * @param fileName the block file, such as {@code blocks-00000.dat}
 * @param offset   where the damaged record starts in that file
 * @param height   the record's height if its header was intact, otherwise -1
 * @param reason   what is wrong, such as "payload checksum mismatch"
 */
public record Corruption(String fileName, long offset, long height, String reason) {

    /**
     * For an operator: "block record at height 12 (blocks-00000.dat offset 4096): payload checksum
     * mismatch".
     */
    public String message() {
        String where = height >= 0 ? "at height " + height : "of unknown height";
        return "block record " + where + " (" + fileName + " offset " + offset + "): " + reason;
    }

    @Override
    public String toString() {
        return message();
    }
}

package org.careledger.ledger.store;

/**
 * Damage found in the block files that a crash cannot explain: a bad magic, a header or payload
 * checksum mismatch, a record cut short in a file that is not the last one, a missing file. The
 * store serves only the records before it and refuses to append until an operator repairs the files.
 *
 * @param fileName the block file, such as {@code blocks-00000.dat}
 * @param offset   where the damaged record starts in that file; -1 if the file itself is missing
 * @param height   the record's height if its header was intact, otherwise -1
 * @param reason   what is wrong, such as "payload checksum mismatch"
 */
public record Corruption(String fileName, long offset, long height, String reason) {

    /**
     * Block file {@code missing} is not there although {@code present}, a later one, is: the files
     * are numbered without gaps, so the blocks it held are gone. There is no record to point at.
     */
    public static Corruption missingFile(String missing, String present) {
        return new Corruption(missing, -1, -1, "missing, but " + present + " exists");
    }

    /** Whether the damage is a whole block file missing rather than a bad record in one. */
    public boolean fileMissing() {
        return offset < 0;
    }

    /**
     * For an operator: "block record at height 12 (blocks-00000.dat offset 4096): payload checksum
     * mismatch", or "block file blocks-00001.dat is missing, but blocks-00002.dat exists: the blocks
     * it held are gone, and no later block is read".
     */
    public String message() {
        if (fileMissing()) {
            return "block file " + fileName + " is " + reason + ": the blocks it held are gone, and no later block is read";
        }
        String where = height >= 0 ? "at height " + height : "of unknown height";
        return "block record " + where + " (" + fileName + " offset " + offset + "): " + reason;
    }

    @Override
    public String toString() {
        return message();
    }
}

package org.careledger.pharmacy.internal;

/**
 * A reference-data file (the medicine catalogue or one of the drug-class tables) holds a row that
 * cannot be read; the message names the file, the line and what is wrong with it.
 */
public final class CatalogueFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;

    CatalogueFormatException(String source, int line, String problem) {
        super(source + " line " + line + ": " + problem);
        this.source = source;
        this.line = line;
    }

    /** The file (or other source) that was read. */
    public String source() {
        return source;
    }

    /** The 1-based line of the row that was refused. */
    public int line() {
        return line;
    }
}

package org.careledger.ledger;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A genesis file that exists but cannot be used: not JSON, not a genesis, or edited since it was
 * written (its contents no longer hash to the genesis hash it records). Damaged data, not a mistake
 * on the command line, so the CLI reports it with exit code 1 rather than as a usage error. An
 * {@link IOException}, as a file whose bytes cannot be read as what they should be is one, so
 * callers that already handle the read's I/O errors handle this too.
 */
public final class GenesisFileException extends IOException {

    private final transient Path file;

    GenesisFileException(Path file, String message, Throwable cause) {
        super(message, cause);
        this.file = file;
    }

    /** The genesis file that cannot be used. */
    public Path file() {
        return file;
    }
}

package org.careledger.recommend.engine;

import java.io.IOException;

/** A model file is missing, corrupt, of another format version, or holds classes it must not. */
public class ModelFileException extends IOException {

    public ModelFileException(String message) {
        super(message);
    }

    public ModelFileException(String message, Throwable cause) {
        super(message, cause);
    }
}

package org.careledger.cli;

/** A command line the CLI cannot run: an unknown command or option, a missing value. Exit code 2. */
final class UsageException extends RuntimeException {

    UsageException(String message) {
        super(message);
    }
}

package org.careledger.install;

import java.sql.SQLException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * A start whose master key is well formed but not the install's: H2 cannot decrypt the database
 * file and says only "Encryption error in file", or, when the file is still open in this process,
 * "Wrong user name or password" (the database's user password is derived from the key too). This names the cause and what to set instead. It
 * costs the start nothing (the pre-flight would have to open the database once more to check the key
 * itself).
 */
class WrongMasterKeyFailureAnalyzer extends AbstractFailureAnalyzer<SQLException> {

    /** H2's ErrorCode.FILE_ENCRYPTION_ERROR_1: the file password does not decrypt the file. */
    static final int H2_FILE_ENCRYPTION_ERROR = 90049;
    /** H2's ErrorCode.WRONG_USER_OR_PASSWORD (PostgreSQL reports a wrong password with error code 0). */
    static final int H2_WRONG_USER_OR_PASSWORD = 28000;

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SQLException cause) {
        if (cause.getErrorCode() != H2_FILE_ENCRYPTION_ERROR && cause.getErrorCode() != H2_WRONG_USER_OR_PASSWORD) {
            return null;
        }
        return new FailureAnalysis("The master key does not open the database (" + cause.getMessage()
                + "): it is not the key this install's database was encrypted with.",
                "Set CARELEDGER_MASTER_KEY (or CARELEDGER_MASTER_KEY_FILE) to the key the install was created with. Without it the "
                        + "database cannot be read; a new key cannot be put in its place.", cause);
    }
}

package org.careledger.common;

/**
 * A request that is well formed but breaks a rule (approving an account that is not pending,
 * disabling the last admin, ...). The message says which rule, for a person to read.
 */
public class OperationNotAllowedException extends RuntimeException {

    public OperationNotAllowedException(String message) {
        super(message);
    }
}

package org.careledger.records;

import org.careledger.common.OperationNotAllowedException;

/** A read or write of a patient's record that no active grant or emergency access allows. */
public class ConsentRequiredException extends OperationNotAllowedException {

    public ConsentRequiredException(String message) {
        super(message);
    }
}

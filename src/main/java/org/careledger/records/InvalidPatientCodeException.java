package org.careledger.records;

import java.util.Map;

import org.careledger.common.InvalidInputException;

/**
 * A patient's code, uploaded as an image or typed as an address, was refused. The message is fit
 * for the doctor who supplied it and is keyed to the {@value #FIELD} field, so a view shows it next
 * to the upload or the text field.
 */
public class InvalidPatientCodeException extends InvalidInputException {

    private static final long serialVersionUID = 1L;

    /** The form field the message belongs to. */
    public static final String FIELD = "patientCode";

    public InvalidPatientCodeException(String message) {
        super(Map.of(FIELD, message));
    }

    /** The message a person reads, without the field name. */
    public String reason() {
        return fieldErrors().get(FIELD);
    }
}

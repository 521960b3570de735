package org.careledger.wallet;

import org.careledger.common.InvalidInputException;

/**
 * A transfer the wallet refuses before anything is queued: an address or an amount that cannot be
 * sent, with the form's field it concerns ({@value #TO} or {@value #AMOUNT}) and a message for the
 * person who typed it.
 */
public class InvalidTransferException extends InvalidInputException {

    public static final String TO = "to";
    public static final String AMOUNT = "amount";

    private final String field;

    private InvalidTransferException(String field, String message) {
        super(java.util.Map.of(field, message));
        this.field = field;
    }

    static InvalidTransferException to(String message) {
        return new InvalidTransferException(TO, message);
    }

    static InvalidTransferException amount(String message) {
        return new InvalidTransferException(AMOUNT, message);
    }

    /** The field refused: {@value #TO} or {@value #AMOUNT}. */
    public String field() {
        return field;
    }

    /** The message for the person, as {@link #fieldErrors()} holds it under {@link #field()}. */
    public String plainMessage() {
        return fieldErrors().get(field);
    }
}

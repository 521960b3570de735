package org.careledger.identity;

/** One field broke one rule; the message is what the person sees next to the field. */
public class FieldRuleViolation extends RuntimeException {

    public FieldRuleViolation(String message) {
        super(message);
    }
}

package org.careledger.ledger;

/**
 * A transaction that a rule refuses: a bad signature, a used nonce, an unregistered sender, too
 * small a fee, or a contract rule (an overdraft, consent from someone who is not the patient, ...).
 * The message is for the person who sent it.
 */
public class TransactionRejectedException extends RuntimeException {

    private final String rule;

    public TransactionRejectedException(String rule, String message) {
        super(message);
        this.rule = rule;
    }

    /** A short name of the rule, such as {@code nonce} or {@code tokens.balance}. */
    public String rule() {
        return rule;
    }
}

package org.careledger.outbox;

/** The ledger's own refusals (not a contract's), in words a person understands. */
public final class Refusals {

    private Refusals() {
    }

    /** What a refusal means for the person who asked, for the ledger's own rules; else its reason as the ledger gives it. */
    public static String plainWords(Refusal refusal) {
        return switch (refusal.rule()) {
            case "sender" -> "Your account is not on the ledger yet. It is registered a few seconds after approval; try again in a moment.";
            case "fee", "tokens.balance" -> "Your wallet does not hold enough tokens for this (" + refusal.reason() + ").";
            case "signature", "chainId" -> "The ledger did not accept the signature on this call; ask an admin to check the install's keys.";
            default -> "The ledger refused it: " + refusal.reason() + ".";
        };
    }
}

package org.careledger.outbox;

/**
 * Why the ledger refused a call: the rule (such as {@code consent.notPending} or {@code sender}) and
 * what the rule found, in the ledger's terms. {@link CallHook#explain} turns it into plain words.
 */
public record Refusal(String rule, String reason) {

    /** The rule's contract, or "ledger" for the ledger's own rules (signature, sender, nonce, fee). */
    public String contract() {
        int dot = rule.indexOf('.');
        return dot < 0 ? "ledger" : rule.substring(0, dot);
    }
}

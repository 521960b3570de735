package org.careledger.ledger;

/** A block that breaks a rule. The message names the height and the rule, for logs and `ledger verify`. */
public class BlockRejectedException extends RuntimeException {

    private final long height;
    private final String rule;

    public BlockRejectedException(long height, String rule, String explanation) {
        super("block " + height + " rejected by " + rule + ": " + explanation);
        this.height = height;
        this.rule = rule;
    }

    public long height() {
        return height;
    }

    public String rule() {
        return rule;
    }
}

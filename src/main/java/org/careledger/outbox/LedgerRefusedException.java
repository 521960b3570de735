package org.careledger.outbox;

import org.careledger.common.OperationNotAllowedException;

/**
 * The ledger would refuse a call, found by its dry run before anything was queued: nothing was
 * written. The message is for the person who asked; {@link #refusal()} keeps the rule.
 */
public class LedgerRefusedException extends OperationNotAllowedException {

    private final transient CallKind kind;
    private final transient Refusal refusal;

    public LedgerRefusedException(CallKind kind, Refusal refusal, String plainWords) {
        super(plainWords);
        this.kind = kind;
        this.refusal = refusal;
    }

    public CallKind kind() {
        return kind;
    }

    public Refusal refusal() {
        return refusal;
    }
}

package org.careledger.appointments;

import org.careledger.common.OperationNotAllowedException;
import org.careledger.common.TokenAmount;

/** The patient's spendable tokens do not cover the fee: nothing was booked. */
public class NotEnoughTokensException extends OperationNotAllowedException {

    private final long fee;
    private final long spendable;

    public NotEnoughTokensException(long fee, long spendable) {
        super("The fee is " + new TokenAmount(fee) + " and you have " + new TokenAmount(spendable)
                + " to spend: nothing was booked. Top up your wallet, or choose a doctor with a lower fee.");
        this.fee = fee;
        this.spendable = spendable;
    }

    public long fee() {
        return fee;
    }

    public long spendable() {
        return spendable;
    }
}

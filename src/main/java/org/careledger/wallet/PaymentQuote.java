package org.careledger.wallet;

import org.careledger.ledger.Hash;

/**
 * What paying an invoice would take, for the person to confirm: its total and the fee, and what
 * they can spend now, in base units.
 */
public record PaymentQuote(Hash invoiceId, String payeeName, long total, long fee, long spendable) {

    /** Total and fee. */
    public long cost() {
        return Math.addExact(total, fee);
    }

    /** What is left to spend once it is paid. */
    public long spendableAfter() {
        return spendable - cost();
    }
}

package org.careledger.wallet;

import org.careledger.common.TokenAmount;
import org.careledger.common.OperationNotAllowedException;
import org.careledger.contracts.Invoice;

/**
 * An invoice the wallet will not pay, refused before anything is queued, with a message for the
 * person who clicked Pay: no such invoice of theirs, one no longer open, or one they cannot afford.
 */
public class InvoicePaymentException extends OperationNotAllowedException {

    private InvoicePaymentException(String message) {
        super(message);
    }

    static InvoicePaymentException unknown(String shortId) {
        return new InvoicePaymentException("There is no invoice " + shortId + " for you to pay.");
    }

    static InvoicePaymentException notOpen(Invoice invoice, String payeeName) {
        String message = switch (invoice.state()) {
            case PAID -> "This invoice was already paid in block " + invoice.payment().orElseThrow().at().height() + ".";
            case CANCELLED -> "This invoice was cancelled by " + payeeName + " in block " + invoice.settled().orElseThrow().height()
                    + ": there is nothing to pay.";
            case REFUNDED -> "This invoice was paid and then refunded in block " + invoice.settled().orElseThrow().height()
                    + ": there is nothing to pay.";
            case OPEN -> throw new IllegalArgumentException("invoice " + invoice.id() + " is open");
        };
        return new InvoicePaymentException(message);
    }

    static InvoicePaymentException cannotAfford(long total, long fee, long spendable) {
        return new InvoicePaymentException("This invoice is " + new TokenAmount(total) + " plus a fee of " + TokenAmount.format(fee)
                + "; you can spend " + new TokenAmount(spendable) + ". Nothing was paid: the invoice stays open.");
    }
}

package org.careledger.contracts;

import org.careledger.ledger.Arg;
import org.careledger.ledger.ContractCall;
import org.careledger.ledger.Hash;

/**
 * Builds the calls of the {@link Invoices} contract for the portal; both carry the ordinary fee.
 * Invoices are raised only by other contracts (through {@link InvoiceApi}), never by a call.
 */
public final class InvoiceCalls {

    private InvoiceCalls() {
    }

    /** The payer pays an open invoice in full: its total moves to the payee in the same transaction. */
    public static ContractCall pay(Hash invoiceId) {
        return ContractCall.of(Invoices.NAME, "pay", Arg.of(invoiceId));
    }

    /** The payee cancels an open invoice; {@code reasonHash} is the salted hash of a reason, or null. */
    public static ContractCall cancel(Hash invoiceId, Hash reasonHash) {
        return ContractCall.of(Invoices.NAME, "cancel", Arg.of(invoiceId), Arg.of(reasonHash == null ? Hash.ZERO : reasonHash));
    }
}

package org.careledger.contracts;

import java.util.List;
import java.util.Optional;

import org.careledger.crypto.Address;
import org.careledger.ledger.Hash;

/**
 * Read-only queries over a committed state for the portal: an invoice by id, and the invoices of a
 * payer or of a payee, each one prefix scan in order of the raising block's time.
 */
public final class InvoiceQueries {

    private InvoiceQueries() {
    }

    public static Optional<Invoice> invoice(ContractState state, Hash id) {
        return InvoiceStore.find(state.view(), id);
    }

    /** What {@code payer} has been billed, oldest first. */
    public static List<Invoice> byPayer(ContractState state, Address payer) {
        return InvoiceStore.list(state.view(), InvoiceStore.payerPrefix(payer));
    }

    /** What {@code payee} has billed, oldest first. */
    public static List<Invoice> byPayee(ContractState state, Address payee) {
        return InvoiceStore.list(state.view(), InvoiceStore.payeePrefix(payee));
    }
}

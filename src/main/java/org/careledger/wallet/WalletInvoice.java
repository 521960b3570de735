package org.careledger.wallet;

import java.util.List;
import java.util.Optional;

import org.careledger.contracts.BlockStamp;
import org.careledger.contracts.Invoice;
import org.careledger.contracts.InvoiceState;
import org.careledger.crypto.Address;
import org.careledger.ledger.Hash;

/**
 * An invoice addressed to the signed-in user, as the committed state has it, with its payee's and
 * its lines' names where the portal knows them, and whether the user's payment of it is on its way
 * ({@code paymentPending}: queued or waiting for a block).
 */
public record WalletInvoice(Hash id, Address payee, String payeeName, List<InvoiceLine> lines, long total, InvoiceState state,
                            BlockStamp raised, Optional<Invoice.Payment> payment, Optional<BlockStamp> settled,
                            boolean paymentPending) {

    public WalletInvoice {
        lines = List.copyOf(lines);
    }

    /** The first 12 hex digits of the id: what pages show and name their rows by. */
    public String shortId() {
        return shortId(id);
    }

    static String shortId(Hash id) {
        return id.hex().substring(0, 12);
    }

    /** Open and not being paid: the Pay button's case. */
    public boolean payable() {
        return state == InvoiceState.OPEN && !paymentPending;
    }

    /** Paid once, and so has a receipt (a refunded invoice too). */
    public boolean hasReceipt() {
        return payment.isPresent();
    }

    /** "open", "payment pending", "paid in block 12", "cancelled in block 12", "refunded in block 14". */
    public String status() {
        return switch (state) {
            case OPEN -> paymentPending ? "payment pending" : "open";
            case PAID -> "paid in block " + payment.orElseThrow().at().height();
            case CANCELLED -> "cancelled in block " + settled.orElseThrow().height();
            case REFUNDED -> "refunded in block " + settled.orElseThrow().height();
        };
    }
}

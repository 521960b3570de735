package org.careledger.wallet;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.careledger.crypto.Address;
import org.careledger.ledger.Hash;

/**
 * The receipt of a paid invoice, for its payer or payee to keep or print: who paid whom (names where
 * the portal knows them), the lines, the total, and the transaction that paid it with its block and
 * time; {@code refundedInBlock} if it was refunded since.
 */
public record InvoiceReceipt(Hash invoiceId, Address payer, String payerName, Address payee, String payeeName, List<InvoiceLine> lines,
                             long total, Hash paidBy, long paidInBlock, Instant paidAt, Optional<Long> refundedInBlock) {

    public InvoiceReceipt {
        lines = List.copyOf(lines);
    }
}

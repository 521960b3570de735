package org.careledger.wallet;

import org.careledger.crypto.Address;
import org.careledger.ledger.Hash;

/**
 * A payer's payment of invoice {@code invoiceId} is in block {@code blockHeight} of the main chain:
 * {@code total} base units moved from {@code payer} to {@code payee}. Published once per payment the
 * wallet queued, in the transaction that settles it.
 */
public record InvoicePaid(Hash invoiceId, Address payer, Address payee, long total, long blockHeight) {
}

package org.careledger.contracts;

import java.util.List;
import java.util.Optional;

import org.careledger.crypto.Address;
import org.careledger.ledger.Hash;

/**
 * What another contract may do with invoices inside a transaction, through
 * {@code context.api(InvoiceApi.class)}: raise one as part of what it records (a dispensing raises
 * its bill in the same transaction, so there is never one without the other), reverse one it
 * raised, and read any. A refusal names an {@code invoices.} rule, is checked before anything is
 * written and refuses the whole transaction. Transactions reach only {@code pay} and {@code cancel}
 * (see {@link Invoices}).
 */
public interface InvoiceApi {

    /**
     * Raises an OPEN invoice {@code id} from {@code payee} to {@code payer}, raised by the calling
     * contract with {@code reference} to what raised it, at this block. Refuses an id already used
     * ({@code invoices.exists}), a payer who is the payee ({@code invoices.sameParty}), no line or more
     * than {@value Invoice#MAX_LINES} ({@code invoices.lines}), a line with an empty or longer than
     * {@value Invoice#MAX_CODE_LENGTH}-character code, a quantity that is not positive or a negative
     * unit price ({@code invoices.line}), and a total beyond a 64-bit amount ({@code invoices.overflow}).
     */
    Invoice raise(Hash id, Address payer, Address payee, List<Invoice.Line> lines, Hash reference);

    /**
     * Records a bill the calling contract settles in this same transaction from tokens it held (an
     * appointment's fee released from escrow to the doctor): raised PAID by this transaction, at this
     * block. Refuses what {@link #raise} refuses.
     */
    Invoice raisePaid(Hash id, Address payer, Address payee, List<Invoice.Line> lines, Hash reference);

    /**
     * Undoes invoice {@code id}, which the calling contract must have raised ({@code invoices.notRaiser}):
     * an OPEN one is CANCELLED; a PAID one is REFUNDED by transferring its total from the transaction's
     * sender, who must be its payee ({@code invoices.notPayee}), back to the payer (a {@code tokens.}
     * refusal if the payee cannot cover it). A cancelled or refunded one is refused
     * ({@code invoices.cancelled}, {@code invoices.refunded}), an unknown one too ({@code invoices.unknown}).
     */
    Invoice reverse(Hash id);

    /** Invoice {@code id}, this transaction's writes included. */
    Optional<Invoice> invoice(Hash id);
}

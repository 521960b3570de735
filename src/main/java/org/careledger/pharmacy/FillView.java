package org.careledger.pharmacy;

import java.time.Instant;
import java.time.LocalDate;

import org.careledger.common.TokenAmount;
import org.careledger.contracts.InvoiceState;
import org.careledger.ledger.Hash;

/**
 * One fill of a prescription and its invoice, as the pharmacy and the patient see it.
 *
 * @param id           the portal's id of the fill
 * @param invoiceId    the dispensing transaction's id, also its invoice's; null until mined
 * @param block        the block that dispensed it; null until mined
 * @param refused      why the ledger refused it, in plain words; null otherwise
 * @param invoiceState the invoice's state; null until mined
 * @param paidBlock    the block that paid the invoice, once paid
 * @param reversedBlock the block that reversed the fill, if reversed
 * @param reversibleUntil until when the pharmacy may reverse it (24 hours after its block); null if it may not
 */
public record FillView(String id, Hash invoiceId, long quantity, TokenAmount unitPrice, TokenAmount total, String batch,
                       LocalDate packExpiry, String pharmacyName, String pharmacistName, Instant askedAt, Long block, String refused,
                       InvoiceState invoiceState, Long paidBlock, Long reversedBlock, Instant reversibleUntil) {

    public boolean pending() {
        return block == null && refused == null;
    }

    /** What happened to it and its invoice, in a few words: "paid in block 41", "invoice open", "on its way". */
    public String describe() {
        if (refused != null) {
            return "Refused: " + refused;
        }
        if (block == null) {
            return "On its way to the ledger";
        }
        if (reversedBlock != null) {
            return "Reversed in block " + reversedBlock + (invoiceState == InvoiceState.REFUNDED ? ", refunded" : ", invoice cancelled");
        }
        if (invoiceState == InvoiceState.PAID) {
            return "Dispensed in block " + block + "; paid in block " + paidBlock;
        }
        return "Dispensed in block " + block + "; invoice open";
    }
}

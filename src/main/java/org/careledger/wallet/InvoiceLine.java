package org.careledger.wallet;

/**
 * One line of an invoice as a person reads it: its name (the code where the portal knows no name),
 * the code, the quantity and the unit price in base units.
 */
public record InvoiceLine(String name, String code, long quantity, long unitPrice) {

    /** Quantity times unit price (the contract checked it fits when the invoice was raised). */
    public long amount() {
        return Math.multiplyExact(quantity, unitPrice);
    }
}

package org.careledger.contracts;

/**
 * Where an invoice stands. OPEN until paid or cancelled; a paid invoice may be refunded by what
 * raised it. Stored by ordinal: new states are only appended.
 */
public enum InvoiceState {
    OPEN,
    PAID,
    CANCELLED,
    REFUNDED;

    static InvoiceState ofOrdinal(int ordinal) {
        if (ordinal < 0 || ordinal >= values().length) {
            throw new IllegalArgumentException("No invoice state number " + ordinal);
        }
        return values()[ordinal];
    }
}

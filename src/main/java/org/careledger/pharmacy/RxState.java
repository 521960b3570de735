package org.careledger.pharmacy;

/**
 * Where a prescription stands as its readers see it: on its way to the ledger, refused by it, or in
 * the contract's state at this moment (EXPIRED derived from block time by the contract's rule).
 */
public enum RxState {
    ON_ITS_WAY("On its way to the ledger"),
    REFUSED("Refused by the ledger"),
    ISSUED("Issued"),
    PARTIALLY_DISPENSED("Partly dispensed"),
    COMPLETED("Completed"),
    CANCELLED("Cancelled"),
    EXPIRED("Expired");

    private final String label;

    RxState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether a pharmacy may still dispense from it. */
    public boolean dispensable() {
        return this == ISSUED || this == PARTIALLY_DISPENSED;
    }

    /** Active: may still be dispensed, or is on its way to be. */
    public boolean active() {
        return dispensable() || this == ON_ITS_WAY;
    }
}

package org.careledger.wallet;

import org.careledger.crypto.Address;

/** A transfer the wallet would send, for the person to confirm: to whom, how much and the fee, in base units. */
public record TransferQuote(Address to, String toName, long amount, long fee) {

    public long total() {
        return Math.addExact(amount, fee);
    }

    /** The recipient as a person reads it: "Ada Lovelace (0x…)" or the address. */
    public String recipient() {
        return toName == null ? to.toString() : toName + " (" + to + ")";
    }
}

package org.careledger.records;

import org.careledger.ledger.Hash;

/** A break-glass access, named by the id of the transaction that declared it. */
public record EmergencyId(Hash value) {

    public EmergencyId {
        if (value == null) {
            throw new IllegalArgumentException("A emergency id is a transaction id");
        }
    }

    /** The id as 64 hex digits, as a link or a test writes it. */
    public static EmergencyId parse(String hex) {
        return new EmergencyId(Hash.fromHex(hex.strip()));
    }

    public String hex() {
        return value.hex();
    }

    @Override
    public String toString() {
        return value.hex();
    }
}

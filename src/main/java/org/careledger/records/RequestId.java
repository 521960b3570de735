package org.careledger.records;

import org.careledger.ledger.Hash;

/** A doctor's access request, named by the id of the transaction that made it (a grant of it has the same id: see {@link GrantId#of}). */
public record RequestId(Hash value) {

    public RequestId {
        if (value == null) {
            throw new IllegalArgumentException("A request id is a transaction id");
        }
    }

    /** The id as 64 hex digits, as a link or a test writes it. */
    public static RequestId parse(String hex) {
        return new RequestId(Hash.fromHex(hex.strip()));
    }

    public String hex() {
        return value.hex();
    }

    @Override
    public String toString() {
        return value.hex();
    }
}

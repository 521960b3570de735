package org.careledger.records;

import org.careledger.ledger.Hash;

/** A grant of access: its id is the id of the request it grants. */
public record GrantId(Hash value) {

    public GrantId {
        if (value == null) {
            throw new IllegalArgumentException("A grant id is a transaction id");
        }
    }

    /** The id as 64 hex digits, as a link or a test writes it. */
    public static GrantId parse(String hex) {
        return new GrantId(Hash.fromHex(hex.strip()));
    }

    /** The grant of this request (the ledger gives both the same id). */
    public static GrantId of(RequestId request) {
        return new GrantId(request.value());
    }

    public String hex() {
        return value.hex();
    }

    @Override
    public String toString() {
        return value.hex();
    }
}

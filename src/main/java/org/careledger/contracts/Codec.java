package org.careledger.contracts;

import java.util.Optional;

import org.careledger.crypto.Address;
import org.careledger.ledger.CanonicalReader;
import org.careledger.ledger.CanonicalWriter;
import org.careledger.ledger.Hash;

/** Small helpers over the canonical encoding for the values the consent contracts store. */
final class Codec {

    private Codec() {
    }

    static void address(CanonicalWriter out, Address a) {
        out.fixed(a.bytes());
    }

    static Address address(CanonicalReader in) {
        return Address.fromBytes(in.fixed(Address.LENGTH, "address"));
    }

    /** An optional hash: a presence byte, then the hash. */
    static void optionalHash(CanonicalWriter out, Optional<Hash> hash) {
        out.bool(hash.isPresent());
        hash.ifPresent(out::hash);
    }

    static Optional<Hash> optionalHash(CanonicalReader in) {
        return in.bool() ? Optional.of(in.hash("hash")) : Optional.empty();
    }

    /** {@link Hash#ZERO} in a call stands for "none". */
    static Optional<Hash> noneIfZero(Hash hash) {
        return hash.equals(Hash.ZERO) ? Optional.empty() : Optional.of(hash);
    }
}

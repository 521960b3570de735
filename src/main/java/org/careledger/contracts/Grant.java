package org.careledger.contracts;

import java.util.OptionalLong;
import java.util.Set;

import org.careledger.crypto.Address;
import org.careledger.ledger.CanonicalReader;
import org.careledger.ledger.CanonicalWriter;
import org.careledger.ledger.Hash;

/**
 * A patient's consent to one doctor, for one purpose, over some categories, from {@code startMillis}
 * (the granting block's time) until {@code endMillis} (exclusive), unless revoked earlier: a grant
 * revoked at block time {@code t} allows nothing at {@code t} or later.
 *
 * @param id the id of the request it answers
 */
public record Grant(Hash id, Address patient, Address doctor, Purpose purpose, Set<RecordCategory> categories,
                    long startMillis, long endMillis, OptionalLong revokedAt) {

    public Grant {
        categories = Set.copyOf(categories);
    }

    /** Whether the grant is in force at {@code atMillis} (neither before its start, expired nor revoked). */
    public boolean activeAt(long atMillis) {
        return startMillis <= atMillis && atMillis < endMillis
                && (revokedAt.isEmpty() || atMillis < revokedAt.getAsLong());
    }

    /** Whether it lets {@code reader} see {@code category} at {@code atMillis}. */
    public boolean allows(Address reader, RecordCategory category, long atMillis) {
        return doctor.equals(reader) && categories.contains(category) && activeAt(atMillis);
    }

    Grant revoked(long atMillis) {
        return new Grant(id, patient, doctor, purpose, categories, startMillis, endMillis, OptionalLong.of(atMillis));
    }

    byte[] encode() {
        CanonicalWriter out = new CanonicalWriter(120);
        out.hash(id);
        Codec.address(out, patient);
        Codec.address(out, doctor);
        out.u8(purpose.ordinal()).i64BigEndian(RecordCategory.toBits(categories))
                .i64BigEndian(startMillis).i64BigEndian(endMillis).bool(revokedAt.isPresent());
        if (revokedAt.isPresent()) {
            out.i64BigEndian(revokedAt.getAsLong());
        }
        return out.toByteArray();
    }

    static Grant decode(byte[] bytes) {
        CanonicalReader in = new CanonicalReader(bytes);
        Grant g = new Grant(in.hash("id"), Codec.address(in), Codec.address(in), Purpose.values()[in.u8()],
                RecordCategory.fromBits(in.i64BigEndian()), in.i64BigEndian(), in.i64BigEndian(),
                in.bool() ? OptionalLong.of(in.i64BigEndian()) : OptionalLong.empty());
        in.end();
        return g;
    }
}

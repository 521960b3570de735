package org.careledger.contracts;

import org.careledger.crypto.Address;
import org.careledger.ledger.CanonicalReader;
import org.careledger.ledger.CanonicalWriter;
import org.careledger.ledger.Hash;

/**
 * A reader's access to one of a patient's entries, recorded by the reader's own transaction and
 * only if a grant or emergency access allowed it at that block's time.
 *
 * @param txId      the recording transaction
 * @param atMillis  when the reader read it (the reader's statement, checked against the basis)
 * @param recordedAt the time of the block that recorded it
 * @param basisKind whether a grant or an emergency access allowed it
 * @param basisId   the id of that grant or emergency
 */
public record AccessEvent(Hash txId, Address reader, Address patient, String entryId, RecordCategory category,
                          long atMillis, long recordedAt, AccessBasis.Kind basisKind, Hash basisId) {

    byte[] encode() {
        CanonicalWriter out = new CanonicalWriter(160);
        out.hash(txId);
        Codec.address(out, reader);
        Codec.address(out, patient);
        out.string(entryId).u8(category.ordinal()).i64BigEndian(atMillis).i64BigEndian(recordedAt).u8(basisKind.ordinal()).hash(basisId);
        return out.toByteArray();
    }

    static AccessEvent decode(byte[] bytes) {
        CanonicalReader in = new CanonicalReader(bytes);
        AccessEvent e = new AccessEvent(in.hash("tx id"), Codec.address(in), Codec.address(in), in.string(64, "entry id"),
                RecordCategory.ofOrdinal(in.u8()), in.i64BigEndian(), in.i64BigEndian(), AccessBasis.Kind.values()[in.u8()], in.hash("basis id"));
        in.end();
        return e;
    }
}

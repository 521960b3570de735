package org.careledger.contracts;

import org.careledger.crypto.Address;
import org.careledger.ledger.CanonicalReader;
import org.careledger.ledger.CanonicalWriter;
import org.careledger.ledger.Hash;

/**
 * One version of a medical record entry, anchored by its patient: only the salted hash of its
 * content is on chain, so the content kept off chain can later be shown unchanged.
 *
 * @param entryId     the entry's id (text, or a digest's lower-case hex)
 * @param version     from 1, strictly increasing per entry
 * @param anchoredAt  the anchoring block's time
 * @param txId        the anchoring transaction
 */
public record Anchor(Address patient, String entryId, long version, RecordCategory category, Hash saltedHash,
                     long anchoredAt, Hash txId) {

    byte[] encode() {
        CanonicalWriter out = new CanonicalWriter(150);
        Codec.address(out, patient);
        out.string(entryId).i64BigEndian(version).u8(category.ordinal()).hash(saltedHash).i64BigEndian(anchoredAt).hash(txId);
        return out.toByteArray();
    }

    static Anchor decode(byte[] bytes) {
        CanonicalReader in = new CanonicalReader(bytes);
        Anchor a = new Anchor(Codec.address(in), in.string(64, "entry id"), in.i64BigEndian(),
                RecordCategory.ofOrdinal(in.u8()), in.hash("salted hash"), in.i64BigEndian(), in.hash("tx id"));
        in.end();
        return a;
    }
}

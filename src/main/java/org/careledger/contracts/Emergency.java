package org.careledger.contracts;

import java.util.Optional;

import org.careledger.crypto.Address;
import org.careledger.ledger.CanonicalReader;
import org.careledger.ledger.CanonicalWriter;
import org.careledger.ledger.Hash;

/**
 * A break-glass access a doctor declared without the patient's consent: every category, from the
 * declaring block's time for {@code Genesis.Parameters.emergencyAccessMillis} (end exclusive), and
 * flagged for an admin's review until one records it.
 *
 * @param id         the declaring transaction's id
 * @param reasonHash the salted hash of the doctor's reason (the text stays off chain)
 * @param review     the admin's review, empty while it is pending
 */
public record Emergency(Hash id, Address patient, Address doctor, Hash reasonHash, long startMillis, long endMillis,
                        Optional<Review> review) {

    /**
     * An admin's verdict on an emergency access.
     *
     * @param commentHash the salted hash of the admin's comment, if any
     */
    public record Review(Address reviewer, boolean justified, Optional<Hash> commentHash, long reviewedAt) {
    }

    public boolean reviewPending() {
        return review.isEmpty();
    }

    public boolean activeAt(long atMillis) {
        return startMillis <= atMillis && atMillis < endMillis;
    }

    public boolean allows(Address reader, long atMillis) {
        return doctor.equals(reader) && activeAt(atMillis);
    }

    Emergency reviewed(Review r) {
        return new Emergency(id, patient, doctor, reasonHash, startMillis, endMillis, Optional.of(r));
    }

    byte[] encode() {
        CanonicalWriter out = new CanonicalWriter(200);
        out.hash(id);
        Codec.address(out, patient);
        Codec.address(out, doctor);
        out.hash(reasonHash).i64BigEndian(startMillis).i64BigEndian(endMillis).bool(review.isPresent());
        review.ifPresent(r -> {
            Codec.address(out, r.reviewer());
            out.bool(r.justified());
            Codec.optionalHash(out, r.commentHash());
            out.i64BigEndian(r.reviewedAt());
        });
        return out.toByteArray();
    }

    static Emergency decode(byte[] bytes) {
        CanonicalReader in = new CanonicalReader(bytes);
        Hash id = in.hash("id");
        Address patient = Codec.address(in);
        Address doctor = Codec.address(in);
        Hash reason = in.hash("reason");
        long start = in.i64BigEndian();
        long end = in.i64BigEndian();
        Optional<Review> review = in.bool()
                ? Optional.of(new Review(Codec.address(in), in.bool(), Codec.optionalHash(in), in.i64BigEndian()))
                : Optional.empty();
        in.end();
        return new Emergency(id, patient, doctor, reason, start, end, review);
    }
}

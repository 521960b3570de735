package org.careledger.contracts;

import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import org.careledger.crypto.Address;
import org.careledger.ledger.CanonicalReader;
import org.careledger.ledger.CanonicalWriter;
import org.careledger.ledger.Hash;

/**
 * A doctor's request for access to a patient's records, as stored, with the patient's decision.
 *
 * @param id             the requesting transaction's id; also the id of the grant it may lead to
 * @param noteHash       the salted hash of the doctor's note, if any (the text stays off chain)
 * @param decision       PENDING, GRANTED or DENIED (revocation and expiry live on the grant)
 * @param decidedAt      the block time of the grant or denial
 * @param reasonHash     the salted hash of the patient's reason for a denial, if any
 */
public record ConsentRequest(Hash id, Address patient, Address doctor, Purpose purpose, Set<RecordCategory> categories,
                             long durationMillis, Optional<Hash> noteHash, long requestedAt,
                             RequestStatus decision, OptionalLong decidedAt, Optional<Hash> reasonHash) {

    public ConsentRequest {
        categories = Set.copyOf(categories);
    }

    ConsentRequest decided(RequestStatus newDecision, long at, Optional<Hash> reason) {
        return new ConsentRequest(id, patient, doctor, purpose, categories, durationMillis, noteHash, requestedAt,
                newDecision, OptionalLong.of(at), reason);
    }

    byte[] encode() {
        CanonicalWriter out = new CanonicalWriter(200);
        out.hash(id);
        Codec.address(out, patient);
        Codec.address(out, doctor);
        out.u8(purpose.ordinal()).i64BigEndian(RecordCategory.toBits(categories)).i64BigEndian(durationMillis);
        Codec.optionalHash(out, noteHash);
        out.i64BigEndian(requestedAt).u8(decision.ordinal());
        out.bool(decidedAt.isPresent());
        if (decidedAt.isPresent()) {
            out.i64BigEndian(decidedAt.getAsLong());
        }
        Codec.optionalHash(out, reasonHash);
        return out.toByteArray();
    }

    static ConsentRequest decode(byte[] bytes) {
        CanonicalReader in = new CanonicalReader(bytes);
        ConsentRequest r = new ConsentRequest(in.hash("id"), Codec.address(in), Codec.address(in),
                Purpose.values()[in.u8()], RecordCategory.fromBits(in.i64BigEndian()), in.i64BigEndian(),
                Codec.optionalHash(in), in.i64BigEndian(), RequestStatus.values()[in.u8()],
                in.bool() ? OptionalLong.of(in.i64BigEndian()) : OptionalLong.empty(), Codec.optionalHash(in));
        in.end();
        return r;
    }
}

package org.careledger.contracts;

import java.util.Objects;
import java.util.Optional;

import org.careledger.crypto.Address;
import org.careledger.ledger.CanonicalReader;
import org.careledger.ledger.CanonicalWriter;
import org.careledger.ledger.Hash;

/**
 * An appointment as the chain holds it: who, with whom, when, the fee and where it went; the reason
 * for the visit only as the salted hash of the text the portal keeps encrypted.
 *
 * @param id           the booking transaction's id; also the id of the fee's hold in escrow
 * @param provider     the doctor's provider when booked (whose cancellation cut-off applies), if any
 * @param start        the slot's start, epoch milliseconds (block time judges past and cut-off)
 * @param end          the slot's end, exclusive
 * @param fee          the fee in base units, held in escrow while the appointment is active
 * @param cutoffMillis how long before the start the patient may still cancel for a full refund
 * @param reasonHash   the salted hash of the reason for the visit, if one was given
 * @param booked       the block that booked it
 * @param confirmed    the block in which the doctor confirmed it
 * @param closed       the block that moved it to a final state
 * @param closedBy     the transaction that did; for a fee paid to the doctor, also its invoice's id
 * @param declineReason the salted hash of the doctor's reason for declining, if given
 */
public record Appointment(Hash id, Address patient, Address doctor, Optional<Address> provider, long start, long end, long fee,
                          long cutoffMillis, Optional<Hash> reasonHash, AppointmentStatus state, BlockStamp booked,
                          Optional<BlockStamp> confirmed, Optional<BlockStamp> closed, Optional<Hash> closedBy,
                          Optional<Hash> declineReason) {

    public Appointment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(patient, "patient");
        Objects.requireNonNull(doctor, "doctor");
        Objects.requireNonNull(state, "state");
    }

    /** The last block time at which the patient cancels for a full refund. */
    public long freeCancellationUntil() {
        return start - cutoffMillis;
    }

    Appointment confirmedAt(BlockStamp at) {
        return new Appointment(id, patient, doctor, provider, start, end, fee, cutoffMillis, reasonHash, AppointmentStatus.CONFIRMED,
                booked, Optional.of(at), closed, closedBy, declineReason);
    }

    Appointment closedAs(AppointmentStatus final_, BlockStamp at, Hash tx, Optional<Hash> reason) {
        return new Appointment(id, patient, doctor, provider, start, end, fee, cutoffMillis, reasonHash, final_, booked, confirmed,
                Optional.of(at), Optional.of(tx), reason);
    }

    byte[] encode() {
        CanonicalWriter out = new CanonicalWriter(300);
        out.hash(id);
        Codec.address(out, patient);
        Codec.address(out, doctor);
        out.bool(provider.isPresent());
        provider.ifPresent(p -> Codec.address(out, p));
        out.i64BigEndian(start).i64BigEndian(end).i64BigEndian(fee).i64BigEndian(cutoffMillis);
        Codec.optionalHash(out, reasonHash);
        out.u8(state.ordinal());
        booked.encode(out);
        BlockStamp.encode(out, confirmed);
        BlockStamp.encode(out, closed);
        Codec.optionalHash(out, closedBy);
        Codec.optionalHash(out, declineReason);
        return out.toByteArray();
    }

    static Appointment decode(byte[] bytes) {
        CanonicalReader in = new CanonicalReader(bytes);
        Hash id = in.hash("id");
        Address patient = Codec.address(in);
        Address doctor = Codec.address(in);
        Optional<Address> provider = in.bool() ? Optional.of(Codec.address(in)) : Optional.empty();
        Appointment a = new Appointment(id, patient, doctor, provider, in.i64BigEndian(), in.i64BigEndian(), in.i64BigEndian(),
                in.i64BigEndian(), Codec.optionalHash(in), AppointmentStatus.ofOrdinal(in.u8()), BlockStamp.decode(in),
                BlockStamp.decodeOptional(in), BlockStamp.decodeOptional(in), Codec.optionalHash(in), Codec.optionalHash(in));
        in.end();
        return a;
    }
}

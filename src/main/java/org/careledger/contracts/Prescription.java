package org.careledger.contracts;

import java.util.Optional;

import org.careledger.crypto.Address;
import org.careledger.ledger.CanonicalReader;
import org.careledger.ledger.CanonicalWriter;
import org.careledger.ledger.Hash;

/**
 * A prescription as the chain holds it: ids, addresses, the hash of its sealed off-chain content,
 * quantities and state; no clinical text.
 *
 * @param id           the issuing transaction's id
 * @param medicineCode the medicine's RxNorm code (1 to 16 digits)
 * @param quantity     what one fill may dispense at most
 * @param refills      how many fills after the first (0 to 5)
 * @param totalAllowed quantity × (1 + refills)
 * @param dispensed    what the fills not reversed have dispensed so far
 * @param expiresAt    the block time from which nothing more is dispensed (exclusive end of validity)
 * @param contentHash  the hash of the sealed off-chain content
 * @param secretHash   SHA-256 of the one-time secret the patient's QR carries now; each fill replaces it
 * @param state        ISSUED, PARTIALLY_DISPENSED, COMPLETED or CANCELLED (EXPIRED is derived)
 * @param fills        how many fills were recorded, reversed ones included (they are numbered from 1)
 * @param cancellation the prescriber's cancellation, if any
 */
public record Prescription(Hash id, Address prescriber, Address patient, String medicineCode, long quantity, int refills,
                           long totalAllowed, long dispensed, BlockStamp issued, long expiresAt, Hash contentHash,
                           Hash secretHash, PrescriptionStatus state, long fills, Optional<Cancellation> cancellation) {

    /** A cancellation: the salted hash of the prescriber's reason, and the block that recorded it. */
    public record Cancellation(Hash reasonHash, BlockStamp at) {
    }

    /** What is left to dispense. */
    public long remaining() {
        return totalAllowed - dispensed;
    }

    /** Whether it was cancelled at or before {@code atMillis}. */
    public boolean cancelledBy(long atMillis) {
        return cancellation.isPresent() && cancellation.get().at().millis() <= atMillis;
    }

    /** Whether its validity has passed at block time {@code atMillis}. */
    public boolean expiredAt(long atMillis) {
        return atMillis >= expiresAt;
    }

    /** After a fill of {@code quantity}: the total, the state, the next secret and the fill count move on. */
    Prescription dispensedAgain(long quantity, Hash nextSecretHash) {
        long now = dispensed + quantity;
        return new Prescription(id, prescriber, patient, medicineCode, this.quantity, refills, totalAllowed, now, issued,
                expiresAt, contentHash, nextSecretHash, stateFor(now), fills + 1, cancellation);
    }

    /** After fill of {@code quantity} is reversed: the total goes back, and so does the state unless cancelled. */
    Prescription reversed(long quantity) {
        long now = dispensed - quantity;
        PrescriptionStatus next = state == PrescriptionStatus.CANCELLED ? state : stateFor(now);
        return new Prescription(id, prescriber, patient, medicineCode, this.quantity, refills, totalAllowed, now, issued,
                expiresAt, contentHash, secretHash, next, fills, cancellation);
    }

    Prescription cancelled(Cancellation by) {
        return new Prescription(id, prescriber, patient, medicineCode, quantity, refills, totalAllowed, dispensed, issued,
                expiresAt, contentHash, secretHash, PrescriptionStatus.CANCELLED, fills, Optional.of(by));
    }

    private PrescriptionStatus stateFor(long dispensedNow) {
        if (dispensedNow == 0) {
            return PrescriptionStatus.ISSUED;
        }
        return dispensedNow == totalAllowed ? PrescriptionStatus.COMPLETED : PrescriptionStatus.PARTIALLY_DISPENSED;
    }

    byte[] encode() {
        CanonicalWriter out = new CanonicalWriter(300);
        out.hash(id);
        Codec.address(out, prescriber);
        Codec.address(out, patient);
        out.string(medicineCode).i64BigEndian(quantity).u8(refills).i64BigEndian(totalAllowed).i64BigEndian(dispensed);
        issued.encode(out);
        out.i64BigEndian(expiresAt).hash(contentHash).hash(secretHash).u8(state.ordinal()).i64BigEndian(fills);
        out.bool(cancellation.isPresent());
        cancellation.ifPresent(c -> {
            out.hash(c.reasonHash());
            c.at().encode(out);
        });
        return out.toByteArray();
    }

    static Prescription decode(byte[] bytes) {
        CanonicalReader in = new CanonicalReader(bytes);
        Prescription p = new Prescription(in.hash("id"), Codec.address(in), Codec.address(in), in.string(64, "medicine code"),
                in.i64BigEndian(), in.u8(), in.i64BigEndian(), in.i64BigEndian(), BlockStamp.decode(in), in.i64BigEndian(),
                in.hash("content hash"), in.hash("secret hash"), PrescriptionStatus.stored(in.u8()), in.i64BigEndian(),
                in.bool() ? Optional.of(new Cancellation(in.hash("reason hash"), BlockStamp.decode(in))) : Optional.empty());
        in.end();
        return p;
    }
}

package org.careledger.contracts;

import java.util.Optional;

import org.careledger.crypto.Address;
import org.careledger.ledger.CanonicalReader;
import org.careledger.ledger.CanonicalWriter;
import org.careledger.ledger.Hash;

/**
 * One dispensing of a prescription, and the invoice it raised (whose id is the dispensing id).
 *
 * @param dispensingId   the dispensing transaction's id, also its invoice's
 * @param number         its number among the prescription's fills, from 1
 * @param pharmacist     who signed it
 * @param pharmacy       the pharmacy account it was dispensed for, the invoice's payee
 * @param unitPrice      the price per unit fixed into the invoice, in base units
 * @param packHash       the hash of the pack's batch number and expiry date (kept off chain)
 * @param secretHash     the secret hash the fill consumed (what the QR it was scanned from carried)
 * @param dispensed      its block
 * @param reversed       the block that reversed it, if any
 */
public record Fill(Hash dispensingId, Hash prescriptionId, long number, Address pharmacist, Address pharmacy, long quantity,
                   long unitPrice, Hash packHash, Hash secretHash, BlockStamp dispensed, Optional<BlockStamp> reversed) {

    Fill reversedAt(BlockStamp at) {
        return new Fill(dispensingId, prescriptionId, number, pharmacist, pharmacy, quantity, unitPrice, packHash, secretHash,
                dispensed, Optional.of(at));
    }

    byte[] encode() {
        CanonicalWriter out = new CanonicalWriter(250);
        out.hash(dispensingId).hash(prescriptionId).i64BigEndian(number);
        Codec.address(out, pharmacist);
        Codec.address(out, pharmacy);
        out.i64BigEndian(quantity).i64BigEndian(unitPrice).hash(packHash).hash(secretHash);
        dispensed.encode(out);
        BlockStamp.encode(out, reversed);
        return out.toByteArray();
    }

    static Fill decode(byte[] bytes) {
        CanonicalReader in = new CanonicalReader(bytes);
        Fill f = new Fill(in.hash("dispensing id"), in.hash("prescription id"), in.i64BigEndian(), Codec.address(in),
                Codec.address(in), in.i64BigEndian(), in.i64BigEndian(), in.hash("pack hash"), in.hash("secret hash"),
                BlockStamp.decode(in), BlockStamp.decodeOptional(in));
        in.end();
        return f;
    }
}

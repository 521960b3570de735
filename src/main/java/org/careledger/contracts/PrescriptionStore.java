package org.careledger.contracts;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.careledger.crypto.Address;
import org.careledger.ledger.Hash;

/**
 * The keys of the prescriptions contract. A prescription is kept whole under its id and again under
 * its patient and its prescriber, and a fill under its prescription, its dispensing id and its
 * pharmacy, so that every list the portal shows is one prefix scan; {@link #save} and
 * {@link #saveFill} are the only writers, so the copies never differ. Times are the block's, as
 * 20-digit zero-padded decimals so that key order is time order; fill numbers likewise.
 *
 * <pre>
 * prescriptions.rx/&lt;id&gt;                                       a prescription
 * prescriptions.patient/&lt;patient&gt;/&lt;issuedAt&gt;/&lt;id&gt;             the same, listed under its patient
 * prescriptions.prescriber/&lt;prescriber&gt;/&lt;issuedAt&gt;/&lt;id&gt;       and under its prescriber
 * prescriptions.fill/&lt;prescriptionId&gt;/&lt;number&gt;                a fill
 * prescriptions.dispensing/&lt;dispensingId&gt;                     the same fill, by its dispensing id
 * prescriptions.pharmacy/&lt;pharmacy&gt;/&lt;dispensedAt&gt;/&lt;dispensingId&gt;  and under its pharmacy
 * prescriptions.used/&lt;prescriptionId&gt;/&lt;secretHash&gt;            the dispensing id of the fill that consumed a secret
 * </pre>
 */
final class PrescriptionStore {

    private PrescriptionStore() {
    }

    static Optional<Prescription> find(StateView state, Hash id) {
        return state.get("prescriptions.rx/" + id.hex()).map(Prescription::decode);
    }

    static void save(StateView state, Prescription p) {
        byte[] encoded = p.encode();
        String listed = padded(p.issued().millis()) + "/" + p.id().hex();
        state.put("prescriptions.rx/" + p.id().hex(), encoded);
        state.put(patientPrefix(p.patient()) + listed, encoded);
        state.put(prescriberPrefix(p.prescriber()) + listed, encoded);
    }

    static Optional<Fill> fill(StateView state, Hash dispensingId) {
        return state.get("prescriptions.dispensing/" + dispensingId.hex()).map(Fill::decode);
    }

    static void saveFill(StateView state, Fill f) {
        byte[] encoded = f.encode();
        state.put(fillPrefix(f.prescriptionId()) + padded(f.number()), encoded);
        state.put("prescriptions.dispensing/" + f.dispensingId().hex(), encoded);
        state.put(pharmacyPrefix(f.pharmacy()) + padded(f.dispensed().millis()) + "/" + f.dispensingId().hex(), encoded);
    }

    /** The fill that consumed {@code secretHash} on prescription {@code prescriptionId}, if one did. */
    static Optional<Fill> consumedBy(StateView state, Hash prescriptionId, Hash secretHash) {
        return state.get(usedKey(prescriptionId, secretHash)).map(Hash::wrap).flatMap(id -> fill(state, id));
    }

    static void markConsumed(StateView state, Fill f) {
        state.put(usedKey(f.prescriptionId(), f.secretHash()), f.dispensingId().bytes());
    }

    static <T> List<T> list(StateView state, String prefix, Function<byte[], T> decode) {
        List<T> out = new ArrayList<>();
        state.scan(prefix).values().forEach(v -> out.add(decode.apply(v)));
        return out;
    }

    static String patientPrefix(Address patient) {
        return "prescriptions.patient/" + patient.toLowerHex() + "/";
    }

    static String prescriberPrefix(Address prescriber) {
        return "prescriptions.prescriber/" + prescriber.toLowerHex() + "/";
    }

    static String fillPrefix(Hash prescriptionId) {
        return "prescriptions.fill/" + prescriptionId.hex() + "/";
    }

    static String pharmacyPrefix(Address pharmacy) {
        return "prescriptions.pharmacy/" + pharmacy.toLowerHex() + "/";
    }

    private static String usedKey(Hash prescriptionId, Hash secretHash) {
        return "prescriptions.used/" + prescriptionId.hex() + "/" + secretHash.hex();
    }

    private static String padded(long value) {
        return String.format("%020d", value);
    }
}

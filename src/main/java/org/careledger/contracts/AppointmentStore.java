package org.careledger.contracts;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.careledger.crypto.Address;
import org.careledger.ledger.CanonicalReader;
import org.careledger.ledger.CanonicalWriter;
import org.careledger.ledger.Hash;

/**
 * The keys of the appointments contract. An appointment is kept whole under its id and again under
 * its patient and its doctor by start time, so that each list the portal shows is one prefix scan;
 * {@link #save} is the only writer, so the copies never differ. A doctor's active bookings are also
 * indexed by start ({@code slot/}), the set a new booking must not overlap: the key goes when the
 * appointment reaches a final state. Times are 20-digit zero-padded decimals, so key order is time order.
 *
 * <pre>
 * appointments.appt/&lt;id&gt;                                  an appointment
 * appointments.patient/&lt;patient&gt;/&lt;start&gt;/&lt;id&gt;             the same, listed under its patient
 * appointments.doctor/&lt;doctor&gt;/&lt;start&gt;/&lt;id&gt;               and under its doctor
 * appointments.slot/&lt;doctor&gt;/&lt;start&gt;                      an active booking's id and end
 * appointments.fee/&lt;doctor&gt;                                a doctor's own consultation fee
 * appointments.terms/&lt;provider&gt;                            a provider's default fee and cancellation cut-off
 * </pre>
 */
final class AppointmentStore {

    private AppointmentStore() {
    }

    /** A provider's booking terms: the fee of doctors who set none, and the patient's free cancellation cut-off. */
    record Terms(long defaultFee, long cutoffMillis) {

        byte[] encode() {
            return new CanonicalWriter(16).i64BigEndian(defaultFee).i64BigEndian(cutoffMillis).toByteArray();
        }

        static Terms decode(byte[] bytes) {
            CanonicalReader in = new CanonicalReader(bytes);
            Terms terms = new Terms(in.i64BigEndian(), in.i64BigEndian());
            in.end();
            return terms;
        }
    }

    /** An active booking of a doctor's: its id and its end. */
    record Slot(Hash id, long start, long end) {
    }

    static Optional<Appointment> find(StateView state, Hash id) {
        return state.get("appointments.appt/" + id.hex()).map(Appointment::decode);
    }

    static void save(StateView state, Appointment a) {
        byte[] encoded = a.encode();
        String listed = padded(a.start()) + "/" + a.id().hex();
        state.put("appointments.appt/" + a.id().hex(), encoded);
        state.put(patientPrefix(a.patient()) + listed, encoded);
        state.put(doctorPrefix(a.doctor()) + listed, encoded);
        String slot = slotPrefix(a.doctor()) + padded(a.start());
        if (a.state().active()) {
            state.put(slot, new CanonicalWriter(40).hash(a.id()).i64BigEndian(a.end()).toByteArray());
        } else if (state.get(slot).map(v -> new CanonicalReader(v).hash("id")).filter(a.id()::equals).isPresent()) {
            state.delete(slot);
        }
    }

    /** The doctor's active bookings, by start. */
    static List<Slot> activeSlots(StateView state, Address doctor) {
        String prefix = slotPrefix(doctor);
        List<Slot> out = new ArrayList<>();
        state.scan(prefix).forEach((key, value) -> {
            CanonicalReader in = new CanonicalReader(value);
            Hash id = in.hash("id");
            long end = in.i64BigEndian();
            in.end();
            out.add(new Slot(id, Long.parseLong(key.substring(prefix.length())), end));
        });
        return out;
    }

    static OptionalLong ownFee(StateView state, Address doctor) {
        return state.get(feeKey(doctor)).map(b -> OptionalLong.of(StateView.toLong(b))).orElse(OptionalLong.empty());
    }

    static void setOwnFee(StateView state, Address doctor, long fee) {
        state.put(feeKey(doctor), new CanonicalWriter(8).i64BigEndian(fee).toByteArray());
    }

    static void clearOwnFee(StateView state, Address doctor) {
        state.delete(feeKey(doctor));
    }

    static Optional<Terms> terms(StateView state, Address provider) {
        return state.get("appointments.terms/" + provider.toLowerHex()).map(Terms::decode);
    }

    static void setTerms(StateView state, Address provider, Terms terms) {
        state.put("appointments.terms/" + provider.toLowerHex(), terms.encode());
    }

    static List<Appointment> list(StateView state, String prefix) {
        List<Appointment> out = new ArrayList<>();
        state.scan(prefix).values().forEach(v -> out.add(Appointment.decode(v)));
        return out;
    }

    static String patientPrefix(Address patient) {
        return "appointments.patient/" + patient.toLowerHex() + "/";
    }

    static String doctorPrefix(Address doctor) {
        return "appointments.doctor/" + doctor.toLowerHex() + "/";
    }

    private static String slotPrefix(Address doctor) {
        return "appointments.slot/" + doctor.toLowerHex() + "/";
    }

    private static String feeKey(Address doctor) {
        return "appointments.fee/" + doctor.toLowerHex();
    }

    static String padded(long value) {
        return String.format("%020d", value);
    }
}

package org.careledger.contracts;

import java.util.List;
import java.util.Optional;

import org.careledger.crypto.Address;
import org.careledger.ledger.Hash;

/**
 * Read-only queries over a committed state for the portal: a prescription and its fills, the lists
 * of a patient, a prescriber and a pharmacy (each one prefix scan, oldest first), and where a
 * prescription stands at a time.
 */
public final class PrescriptionQueries {

    private PrescriptionQueries() {
    }

    public static Optional<Prescription> prescription(ContractState state, Hash id) {
        return PrescriptionStore.find(state.view(), id);
    }

    public static List<Prescription> byPatient(ContractState state, Address patient) {
        return PrescriptionStore.list(state.view(), PrescriptionStore.patientPrefix(patient), Prescription::decode);
    }

    public static List<Prescription> byPrescriber(ContractState state, Address prescriber) {
        return PrescriptionStore.list(state.view(), PrescriptionStore.prescriberPrefix(prescriber), Prescription::decode);
    }

    /** The prescription's fills, reversed ones included, by number. */
    public static List<Fill> fillsOf(ContractState state, Hash prescriptionId) {
        return PrescriptionStore.list(state.view(), PrescriptionStore.fillPrefix(prescriptionId), Fill::decode);
    }

    /** The fills dispensed for {@code pharmacy}, reversed ones included, oldest first. */
    public static List<Fill> fillsByPharmacy(ContractState state, Address pharmacy) {
        return PrescriptionStore.list(state.view(), PrescriptionStore.pharmacyPrefix(pharmacy), Fill::decode);
    }

    /** The fill a dispensing transaction recorded. */
    public static Optional<Fill> fill(ContractState state, Hash dispensingId) {
        return PrescriptionStore.fill(state.view(), dispensingId);
    }

    /**
     * Where {@code p} stands at {@code atMillis}: cancelled and completed prescriptions stay so;
     * any other is EXPIRED from its expiry time on, else its stored state.
     */
    public static PrescriptionStatus statusAt(Prescription p, long atMillis) {
        if (p.state() == PrescriptionStatus.CANCELLED || p.state() == PrescriptionStatus.COMPLETED) {
            return p.state();
        }
        return p.expiredAt(atMillis) ? PrescriptionStatus.EXPIRED : p.state();
    }
}

package org.careledger.contracts;

import java.util.Set;

import org.careledger.crypto.Address;
import org.careledger.crypto.PrivateKey;
import org.careledger.ledger.Hash;
import org.careledger.ledger.Transaction;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careledger.contracts.ConsentLedger.*;
import static org.careledger.contracts.PharmacyLedger.*;
import static org.careledger.contracts.RecordCategory.*;

/**
 * A pharmacist's read of a prescription is recorded on the audit under the prescription itself:
 * only a pharmacist of a pharmacy, only MEDICATION, only that patient's prescription, until it is
 * cancelled. (The portal also requires the QR secret before it shows the content.)
 */
class PharmacistReadTest {

    private final PharmacyLedger pharmacy = PharmacyLedger.open();
    private final Address patient = PATIENT.address();
    private final PharmacyLedger.Rx rx = pharmacy.issue(30, 0, 30 * DAY);
    private final String entry = "rx-" + rx.id.hex().substring(0, 16);

    private String readRefusal(PrivateKey reader, Address of, RecordCategory category, long at) {
        return pharmacy.refusal(reader, Audit.access(of, entry, category, rx.id, at));
    }

    @Test
    void anAffiliatedPharmacistsReadOfThePrescriptionIsRecordedUnderIt() {
        long at = pharmacy.time() + 1000;
        assertThat(AccessRule.prescriptionBasis(pharmacy.state().view(), patient, PHARMACIST.address(), MEDICATION, rx.id, at))
                .hasValueSatisfying(b -> {
                    assertThat(b.kind()).isEqualTo(AccessBasis.Kind.PRESCRIPTION);
                    assertThat(b.id()).isEqualTo(rx.id);
                    assertThat(b.categories()).containsExactly(MEDICATION);
                });
        Transaction read = pharmacy.mine(PHARMACIST, Audit.access(patient, entry, MEDICATION, rx.id, at));

        assertThat(ConsentQueries.accessEventsOf(pharmacy.state(), patient)).containsExactly(new AccessEvent(read.id(),
                PHARMACIST.address(), patient, entry, MEDICATION, at, at, AccessBasis.Kind.PRESCRIPTION, rx.id));
    }

    @Test
    void aPrescriptionOpensOnlyMedicationToAPharmacistOfAPharmacy() {
        long at = pharmacy.time() + 1000;
        assertThat(readRefusal(PHARMACIST, patient, DIAGNOSIS, at)).isEqualTo("audit.notAllowed");
        assertThat(readRefusal(LONE_PHARMACIST, patient, MEDICATION, at)).as("affiliated with no one").isEqualTo("audit.notAllowed");
        assertThat(readRefusal(HOSPITAL_PHARMACIST, patient, MEDICATION, at)).as("of a hospital").isEqualTo("audit.notAllowed");
        assertThat(readRefusal(PHARMACY, patient, MEDICATION, at)).as("the pharmacy's own account").isEqualTo("audit.notAllowed");
        assertThat(readRefusal(OTHER_DOCTOR, patient, MEDICATION, at)).as("a doctor without consent").isEqualTo("audit.notAllowed");
        assertThat(readRefusal(PHARMACIST, OTHER_PATIENT.address(), MEDICATION, at)).as("another patient's")
                .isEqualTo("audit.unknownBasis");
        assertThat(readRefusal(OTHER_PHARMACIST, patient, MEDICATION, at)).as("any pharmacy the patient shows it to").isNull();
    }

    @Test
    void aCancelledPrescriptionOpensNothingFromItsCancellationOn() {
        pharmacy.mine(DOCTOR, PrescriptionCalls.cancel(rx.id, hashOf("salt|wrong patient")));
        long cancelledAt = pharmacy.time();

        assertThat(readRefusal(PHARMACIST, patient, MEDICATION, cancelledAt)).isEqualTo("audit.notAllowed");
        assertThat(readRefusal(PHARMACIST, patient, MEDICATION, cancelledAt - 1)).as("a read queued before it").isNull();
        assertThat(AccessRule.prescriptionBasis(pharmacy.state().view(), patient, PHARMACIST.address(), MEDICATION, rx.id,
                cancelledAt)).isEmpty();
    }

    @Test
    void aPrescriptionIsNoBasisForItsDoctorsOrAnyGrantsRead() {
        Hash grant = pharmacy.medicationGrant;
        assertThat(AccessRule.basis(pharmacy.state(), patient, DOCTOR.address(), MEDICATION, pharmacy.time(), Set.of()))
                .hasValueSatisfying(b -> assertThat(b.id()).isEqualTo(grant));
        assertThat(AccessRule.bases(pharmacy.state(), patient, PHARMACIST.address(), pharmacy.time(), Set.of()))
                .as("a pharmacist has no grant").isEmpty();
    }
}

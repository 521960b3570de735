package org.careledger.contracts;

import java.util.Set;

import org.careledger.crypto.Address;
import org.careledger.ledger.Hash;
import org.careledger.ledger.TestChains;
import org.careledger.ledger.Transaction;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careledger.contracts.ConsentLedger.*;
import static org.careledger.contracts.RecordCategory.*;

class EmergencyAccessTest {

    private final ConsentLedger ledger = ConsentLedger.withUsers();
    private final Address patient = PATIENT.address();
    private final long lasts = TestChains.GENESIS.parameters().emergencyAccessMillis();

    private Hash declared(long at) {
        Transaction tx = ledger.sign(DOCTOR, ConsentCalls.emergency(patient, hashOf("salt|unconscious on arrival")));
        ledger.mine(at, tx);
        return tx.id();
    }

    @Test
    void anEmergencyAccessCoversEveryCategoryForExactlyTheGenesisDuration() {
        long start = T0 + 2000;
        Hash id = declared(start);
        ContractState state = ledger.state();
        for (RecordCategory category : RecordCategory.values()) {
            assertThat(AccessRule.basis(state, patient, DOCTOR.address(), category, start, Set.of())).hasValueSatisfying(b -> {
                assertThat(b.kind()).isEqualTo(AccessBasis.Kind.EMERGENCY);
                assertThat(b.id()).isEqualTo(id);
                assertThat(b.endMillis()).isEqualTo(start + lasts);
                assertThat(b.purpose()).isEmpty();
            });
        }
        assertThat(AccessRule.basis(state, patient, DOCTOR.address(), ALLERGY, start + lasts - 1, Set.of())).isPresent();
        assertThat(AccessRule.basis(state, patient, DOCTOR.address(), ALLERGY, start + lasts, Set.of())).isEmpty();
        assertThat(AccessRule.basis(state, patient, OTHER_DOCTOR.address(), ALLERGY, start, Set.of())).isEmpty();
        assertThat(ConsentQueries.emergenciesOf(state, patient)).singleElement()
                .satisfies(e -> assertThat(e.reasonHash()).isEqualTo(hashOf("salt|unconscious on arrival")));

        Transaction late = ledger.sign(DOCTOR, Audit.access(patient, "note-7", CLINICAL_NOTE, id, start + lasts));
        assertThat(ledger.refusal(late, start + lasts)).isEqualTo("audit.notAllowed");
        ledger.mine(start + lasts - 1, ledger.sign(DOCTOR, Audit.access(patient, "note-7", CLINICAL_NOTE, id, start + lasts - 1)));
        assertThat(ConsentQueries.accessEventsOf(ledger.state(), patient)).singleElement()
                .satisfies(e -> assertThat(e.basisKind()).isEqualTo(AccessBasis.Kind.EMERGENCY));
    }

    @Test
    void anEmergencyAwaitsReviewUntilAnAdminRecordsOne() {
        Hash id = declared(T0 + 2000);
        assertThat(ConsentQueries.pendingEmergencyReviews(ledger.state())).extracting(Emergency::id).containsExactly(id);

        assertThat(ledger.refusal(ledger.sign(OTHER_DOCTOR, ConsentCalls.reviewEmergency(id, true, null)), T0 + 3000))
                .isEqualTo("consent.notAdmin");
        assertThat(ledger.refusal(ledger.sign(ADMIN, ConsentCalls.reviewEmergency(hashOf("none"), true, null)), T0 + 3000))
                .isEqualTo("consent.unknownEmergency");
        ledger.mine(T0 + 3000, ledger.sign(ADMIN, ConsentCalls.reviewEmergency(id, false, hashOf("salt|not an emergency"))));

        assertThat(ConsentQueries.pendingEmergencyReviews(ledger.state())).isEmpty();
        assertThat(ConsentQueries.emergenciesOf(ledger.state(), patient)).singleElement().satisfies(e -> {
            assertThat(e.reviewPending()).isFalse();
            assertThat(e.review()).hasValueSatisfying(r -> {
                assertThat(r.reviewer()).isEqualTo(ADMIN.address());
                assertThat(r.justified()).isFalse();
                assertThat(r.commentHash()).contains(hashOf("salt|not an emergency"));
                assertThat(r.reviewedAt()).isEqualTo(T0 + 3000);
            });
        });
        assertThat(ledger.refusal(ledger.sign(ADMIN, ConsentCalls.reviewEmergency(id, true, null)), T0 + 4000))
                .isEqualTo("consent.alreadyReviewed");
    }

    @Test
    void onlyARegisteredDoctorDeclaresAnEmergencyWithAReason() {
        assertThat(ledger.refusal(ledger.sign(STRANGER, ConsentCalls.emergency(patient, hashOf("r"))), T0 + 2000))
                .isEqualTo("consent.notDoctor");
        assertThat(ledger.refusal(ledger.sign(ADMIN, ConsentCalls.emergency(patient, hashOf("r"))), T0 + 2000))
                .isEqualTo("consent.notDoctor");
        assertThat(ledger.refusal(ledger.sign(DOCTOR, ConsentCalls.emergency(STRANGER.address(), hashOf("r"))), T0 + 2000))
                .isEqualTo("consent.unknownPatient");
        assertThat(ledger.refusal(ledger.sign(DOCTOR, ConsentCalls.emergency(patient, null)), T0 + 2000))
                .isEqualTo("consent.reasonRequired");
    }

    @Test
    void aGrantIsPreferredToAnEmergencyAsTheBasisOfAccess() {
        Transaction request = ledger.sign(DOCTOR, ConsentCalls.request(patient, Purpose.EMERGENCY_FOLLOW_UP,
                java.util.List.of(VITAL_SIGNS), DAY, null));
        ledger.mine(T0 + 2000, request, ledger.sign(DOCTOR, ConsentCalls.emergency(patient, hashOf("r")), 1));
        ledger.mine(T0 + 3000, ledger.sign(PATIENT, ConsentCalls.grant(request.id(), java.util.List.of(VITAL_SIGNS), HOUR)));
        ContractState state = ledger.state();
        assertThat(AccessRule.basis(state, patient, DOCTOR.address(), VITAL_SIGNS, T0 + 3000, Set.of()))
                .map(AccessBasis::kind).contains(AccessBasis.Kind.GRANT);
        assertThat(AccessRule.basis(state, patient, DOCTOR.address(), LAB_RESULT, T0 + 3000, Set.of()))
                .map(AccessBasis::kind).contains(AccessBasis.Kind.EMERGENCY);
    }
}

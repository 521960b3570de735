package org.careledger.contracts;

import java.util.List;
import java.util.Set;

import org.careledger.crypto.Address;
import org.careledger.ledger.Arg;
import org.careledger.ledger.ContractCall;
import org.careledger.ledger.Hash;
import org.careledger.ledger.Transaction;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careledger.contracts.ConsentLedger.*;
import static org.careledger.contracts.RecordCategory.*;

class ConsentContractTest {

    private final ConsentLedger ledger = ConsentLedger.withUsers();
    private final Address patient = PATIENT.address();

    /** Mines a TREATMENT request of DIAGNOSIS, LAB_RESULT and MEDICATION for a day at {@code T0 + 2000}; returns its id. */
    private Hash requested() {
        Transaction request = ledger.sign(DOCTOR, ConsentCalls.request(patient, Purpose.TREATMENT,
                List.of(DIAGNOSIS, LAB_RESULT, MEDICATION), DAY, hashOf("salt|please share")));
        ledger.mine(T0 + 2000, request);
        return request.id();
    }

    /** Mines the patient's grant of DIAGNOSIS and LAB_RESULT for {@code duration} at {@code T0 + 3000}. */
    private Hash granted(long duration) {
        Hash id = requested();
        ledger.mine(T0 + 3000, ledger.sign(PATIENT, ConsentCalls.grant(id, List.of(DIAGNOSIS, LAB_RESULT), duration)));
        return id;
    }

    @Test
    void aGrantLetsTheRequestingDoctorReadOnlyTheGrantedCategories() {
        Hash id = granted(HOUR);
        ContractState state = ledger.state();

        assertThat(AccessRule.basis(state, patient, DOCTOR.address(), LAB_RESULT, T0 + 3000, Set.of())).hasValueSatisfying(b -> {
            assertThat(b.kind()).isEqualTo(AccessBasis.Kind.GRANT);
            assertThat(b.id()).isEqualTo(id);
            assertThat(b.endMillis()).isEqualTo(T0 + 3000 + HOUR);
            assertThat(b.purpose()).contains(Purpose.TREATMENT);
            assertThat(b.categories()).containsExactlyInAnyOrder(DIAGNOSIS, LAB_RESULT);
        });
        assertThat(AccessRule.basis(state, patient, DOCTOR.address(), MEDICATION, T0 + 3000, Set.of())).as("requested, not granted").isEmpty();
        assertThat(AccessRule.basis(state, patient, OTHER_DOCTOR.address(), LAB_RESULT, T0 + 3000, Set.of())).isEmpty();
        assertThat(AccessRule.basis(state, patient, DOCTOR.address(), LAB_RESULT, T0 + 2999, Set.of())).as("before the grant").isEmpty();
        assertThat(ConsentQueries.requestsOf(state, patient, T0 + 3000)).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(RequestStatus.GRANTED);
            assertThat(r.request().doctor()).isEqualTo(DOCTOR.address());
            assertThat(r.request().noteHash()).contains(hashOf("salt|please share"));
        });
        assertThat(ConsentQueries.grantsOf(state, patient)).extracting(Grant::id).containsExactly(id);
    }

    @Test
    void aPendingRequestAllowsNothingAndIsListedAsPending() {
        requested();
        assertThat(ConsentQueries.requestsOf(ledger.state(), patient, T0 + 2000)).extracting(ConsentQueries.RequestView::status)
                .containsExactly(RequestStatus.PENDING);
        assertThat(AccessRule.basis(ledger.state(), patient, DOCTOR.address(), DIAGNOSIS, T0 + 2000, Set.of())).isEmpty();
    }

    @Test
    void aGrantWiderOrLongerThanTheRequestIsRefused() {
        Hash id = requested();
        assertThat(ledger.refusal(ledger.sign(PATIENT, ConsentCalls.grant(id, List.of(DIAGNOSIS, ALLERGY), HOUR)), T0 + 3000))
                .isEqualTo("consent.widerThanRequested");
        assertThat(ledger.refusal(ledger.sign(PATIENT, ConsentCalls.grant(id, List.of(DIAGNOSIS), DAY + 1)), T0 + 3000))
                .isEqualTo("consent.widerThanRequested");
        assertThat(ledger.refusal(ledger.sign(PATIENT, ConsentCalls.grant(id, List.of(), HOUR)), T0 + 3000))
                .isEqualTo("consent.categories");
        assertThat(ledger.refusal(ledger.sign(PATIENT, ConsentCalls.grant(id, List.of(DIAGNOSIS), 0)), T0 + 3000))
                .isEqualTo("consent.duration");
        assertThat(ledger.refusal(ledger.sign(PATIENT, ConsentCalls.grant(id, List.of(DIAGNOSIS, LAB_RESULT, MEDICATION), DAY)), T0 + 3000))
                .as("exactly what was asked").isNull();
    }

    @Test
    void aGrantExpiresAtItsEndTime() {
        Hash id = granted(60_000);
        long end = T0 + 3000 + 60_000;
        ContractState state = ledger.state();
        assertThat(AccessRule.basis(state, patient, DOCTOR.address(), DIAGNOSIS, end - 1, Set.of())).isPresent();
        assertThat(AccessRule.basis(state, patient, DOCTOR.address(), DIAGNOSIS, end, Set.of())).isEmpty();
        assertThat(ConsentQueries.requestsOf(state, patient, end)).extracting(ConsentQueries.RequestView::status)
                .containsExactly(RequestStatus.EXPIRED);

        assertThat(ledger.refusal(ledger.sign(DOCTOR, Audit.access(patient, "lab-1", DIAGNOSIS, id, end)), end))
                .as("a read at the end time").isEqualTo("audit.notAllowed");
        ledger.mine(end - 1, ledger.sign(DOCTOR, Audit.access(patient, "lab-1", DIAGNOSIS, id, end - 1)));
        assertThat(ledger.refusal(ledger.sign(PATIENT, ConsentCalls.revoke(id)), end)).isEqualTo("consent.expired");
    }

    @Test
    void aRevokedGrantDeniesFromTheBlockOfTheRevocation() {
        Hash id = granted(HOUR);
        long revokedAt = T0 + 10_000;
        ledger.mine(revokedAt, ledger.sign(PATIENT, ConsentCalls.revoke(id)));
        ContractState state = ledger.state();

        assertThat(AccessRule.basis(state, patient, DOCTOR.address(), DIAGNOSIS, revokedAt - 1, Set.of())).isPresent();
        assertThat(AccessRule.basis(state, patient, DOCTOR.address(), DIAGNOSIS, revokedAt, Set.of())).isEmpty();
        assertThat(ConsentQueries.requestsOf(state, patient, revokedAt - 1)).extracting(ConsentQueries.RequestView::status)
                .containsExactly(RequestStatus.GRANTED);
        assertThat(ConsentQueries.requestsOf(state, patient, revokedAt)).extracting(ConsentQueries.RequestView::status)
                .containsExactly(RequestStatus.REVOKED);
        assertThat(ledger.refusal(ledger.sign(DOCTOR, Audit.access(patient, "lab-1", DIAGNOSIS, id, revokedAt)), revokedAt))
                .isEqualTo("audit.notAllowed");
        assertThat(ledger.refusal(ledger.sign(PATIENT, ConsentCalls.revoke(id)), revokedAt)).isEqualTo("consent.alreadyRevoked");
    }

    @Test
    void anAccessAfterTheRevocationInTheSameBlockIsRefused() {
        Hash id = granted(HOUR);
        Transaction revoke = ledger.sign(PATIENT, ConsentCalls.revoke(id));
        Transaction access = ledger.sign(DOCTOR, Audit.access(patient, "lab-1", DIAGNOSIS, id, T0 + 5000));
        var template = org.careledger.ledger.BlockAssembler.assemble(ledger.chain, List.of(revoke, access),
                org.careledger.ledger.TestChains.SEALER_A.address(), T0 + 5000);
        assertThat(template.transactions()).containsExactly(revoke);
        assertThat(template.refused()).extracting(r -> r.reason().rule()).containsExactly("audit.notAllowed");
    }

    @Test
    void onlyThePatientGrantsDeniesOrRevokes() {
        Hash id = requested();
        assertThat(ledger.refusal(ledger.sign(DOCTOR, ConsentCalls.grant(id, List.of(DIAGNOSIS), HOUR)), T0 + 3000))
                .isEqualTo("consent.notPatient");
        assertThat(ledger.refusal(ledger.sign(OTHER_PATIENT, ConsentCalls.grant(id, List.of(DIAGNOSIS), HOUR)), T0 + 3000))
                .isEqualTo("consent.notPatient");
        assertThat(ledger.refusal(ledger.sign(DOCTOR, ConsentCalls.deny(id, null)), T0 + 3000)).isEqualTo("consent.notPatient");
        ledger.mine(T0 + 3000, ledger.sign(PATIENT, ConsentCalls.grant(id, List.of(DIAGNOSIS), HOUR)));
        assertThat(ledger.refusal(ledger.sign(DOCTOR, ConsentCalls.revoke(id)), T0 + 4000)).isEqualTo("consent.notPatient");
        assertThat(ledger.refusal(ledger.sign(PATIENT, ConsentCalls.revoke(hashOf("no such grant"))), T0 + 4000))
                .isEqualTo("consent.unknownGrant");
    }

    @Test
    void onlyARegisteredDoctorRequestsAndOnlyOfARegisteredPatient() {
        var call = ConsentCalls.request(patient, Purpose.RESEARCH, List.of(DIAGNOSIS), DAY, null);
        assertThat(ledger.refusal(ledger.sign(STRANGER, call), T0 + 2000)).isEqualTo("consent.notDoctor");
        assertThat(ledger.refusal(ledger.sign(OTHER_PATIENT, call), T0 + 2000)).isEqualTo("consent.notDoctor");
        assertThat(ledger.refusal(ledger.sign(DOCTOR, ConsentCalls.request(STRANGER.address(), Purpose.RESEARCH,
                List.of(DIAGNOSIS), DAY, null)), T0 + 2000)).isEqualTo("consent.unknownPatient");
        ContractCall badPurpose = ContractCall.of(Consent.NAME, "request", Arg.of(patient), Arg.of("CURIOSITY"),
                Arg.of(DIAGNOSIS.bit()), Arg.of(DAY), Arg.of(Hash.ZERO));
        assertThat(ledger.refusal(ledger.sign(DOCTOR, badPurpose), T0 + 2000)).isEqualTo("consent.purpose");
        ContractCall badBits = ContractCall.of(Consent.NAME, "request", Arg.of(patient), Arg.of("RESEARCH"),
                Arg.of(1L << 40), Arg.of(DAY), Arg.of(Hash.ZERO));
        assertThat(ledger.refusal(ledger.sign(DOCTOR, badBits), T0 + 2000)).isEqualTo("consent.categories");
        ContractCall freeText = ContractCall.of(Consent.NAME, "request", Arg.of(patient), Arg.of("RESEARCH"),
                Arg.of(DIAGNOSIS.bit()), Arg.of(DAY), Arg.of("I would like to see everything"));
        assertThat(ledger.refusal(ledger.sign(DOCTOR, freeText), T0 + 2000)).as("a note is only a hash").isEqualTo("consent.arguments");
        assertThat(ledger.refusal(ledger.sign(DOCTOR, call), T0 + 2000)).isNull();
    }

    @Test
    void aDeniedRequestKeepsOnlyTheReasonHashAndCannotBeGrantedLater() {
        Hash id = requested();
        ledger.mine(T0 + 3000, ledger.sign(PATIENT, ConsentCalls.deny(id, hashOf("salt|not you"))));
        assertThat(ConsentQueries.requestsOf(ledger.state(), patient, T0 + 3000)).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(RequestStatus.DENIED);
            assertThat(r.request().reasonHash()).contains(hashOf("salt|not you"));
            assertThat(r.request().decidedAt()).hasValue(T0 + 3000);
        });
        assertThat(ledger.refusal(ledger.sign(PATIENT, ConsentCalls.grant(id, List.of(DIAGNOSIS), HOUR)), T0 + 4000))
                .isEqualTo("consent.notPending");
        assertThat(ConsentQueries.grantsOf(ledger.state(), patient)).isEmpty();
    }

    @Test
    void consentCallsNeedNoFeeFromAPatientWithoutTokens() {
        granted(HOUR);
        assertThat(Tokens.balanceOf(ledger.state().view(), patient)).isZero();
        assertThat(ledger.state().minimumFee(ConsentCalls.revoke(Hash.ZERO))).isZero();
        assertThat(ledger.state().minimumFee(Anchors.anchor(patient, "e", 1, DIAGNOSIS, Hash.ZERO))).isZero();
        assertThat(ledger.state().minimumFee(Audit.access(patient, "e", DIAGNOSIS, Hash.ZERO, 0))).isZero();
    }

    @Test
    void categoriesTravelAsABitSetOfOrdinals() {
        assertThat(RecordCategory.toBits(List.of(DIAGNOSIS, ATTACHMENT))).isEqualTo(0b1000001L);
        assertThat(RecordCategory.fromBits(0b1000001L)).isEqualTo(Set.of(DIAGNOSIS, ATTACHMENT));
        assertThat(RecordCategory.fromBits(RecordCategory.ALL_BITS)).containsExactly(RecordCategory.values());
    }
}

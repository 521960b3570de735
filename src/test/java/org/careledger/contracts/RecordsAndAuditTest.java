package org.careledger.contracts;

import java.util.List;

import org.careledger.crypto.Address;
import org.careledger.ledger.Chain;
import org.careledger.ledger.ChainUpdate;
import org.careledger.ledger.Hash;
import org.careledger.ledger.TestChains;
import org.careledger.ledger.Transaction;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careledger.contracts.ConsentLedger.*;
import static org.careledger.contracts.RecordCategory.*;

class RecordsAndAuditTest {

    private final ConsentLedger ledger = ConsentLedger.withUsers();
    private final Address patient = PATIENT.address();

    @Test
    void onlyThePatientAnchorsAndEachEntryVersionOnce() {
        ledger.mine(T0 + 2000, ledger.sign(PATIENT, Anchors.anchor(patient, "lab-1", 1, LAB_RESULT, hashOf("salt|v1"))));

        assertThat(ledger.refusal(ledger.sign(DOCTOR, Anchors.anchor(patient, "lab-2", 1, LAB_RESULT, hashOf("x"))), T0 + 3000))
                .isEqualTo("records.notPatient");
        assertThat(ledger.refusal(ledger.sign(STRANGER, Anchors.anchor(STRANGER.address(), "lab-2", 1, LAB_RESULT, hashOf("x"))), T0 + 3000))
                .isEqualTo("records.unknownPatient");
        assertThat(ledger.refusal(ledger.sign(PATIENT, Anchors.anchor(patient, "lab-1", 1, LAB_RESULT, hashOf("salt|again"))), T0 + 3000))
                .isEqualTo("records.duplicate");
        assertThat(ledger.refusal(ledger.sign(PATIENT, Anchors.anchor(patient, "lab-2", 0, LAB_RESULT, hashOf("x"))), T0 + 3000))
                .isEqualTo("records.version");
        assertThat(ledger.refusal(ledger.sign(PATIENT, Anchors.anchor(patient, "lab/1", 1, LAB_RESULT, hashOf("x"))), T0 + 3000))
                .isEqualTo("records.entryId");

        Hash digestId = hashOf("entry uuid");
        ledger.mine(T0 + 3000,
                ledger.sign(PATIENT, Anchors.anchor(patient, "lab-1", 10, LAB_RESULT, hashOf("salt|v10")), 0),
                ledger.sign(PATIENT, Anchors.anchor(patient, digestId, 1, ATTACHMENT, hashOf("salt|scan")), 1));
        assertThat(ledger.refusal(ledger.sign(PATIENT, Anchors.anchor(patient, "lab-1", 2, LAB_RESULT, hashOf("x"))), T0 + 4000))
                .as("versions only increase").isEqualTo("records.version");

        assertThat(ConsentQueries.anchorsOf(ledger.state(), patient))
                .extracting(Anchor::entryId, Anchor::version, Anchor::category, Anchor::anchoredAt)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(digestId.hex(), 1L, ATTACHMENT, T0 + 3000),
                        org.assertj.core.groups.Tuple.tuple("lab-1", 1L, LAB_RESULT, T0 + 2000),
                        org.assertj.core.groups.Tuple.tuple("lab-1", 10L, LAB_RESULT, T0 + 3000));
        assertThat(Tokens.balanceOf(ledger.state().view(), patient)).as("anchoring is free").isZero();
    }

    @Test
    void anAccessEventIsRecordedOnlyWithAnActiveBasisOfThatReaderAndCategory() {
        Transaction request = ledger.sign(DOCTOR, ConsentCalls.request(patient, Purpose.SECOND_OPINION, List.of(LAB_RESULT), DAY, null));
        ledger.mine(T0 + 2000, request);
        Hash grant = request.id();
        assertThat(ledger.refusal(ledger.sign(DOCTOR, Audit.access(patient, "lab-1", LAB_RESULT, grant, T0 + 2500)), T0 + 2500))
                .as("a pending request is no basis").isEqualTo("audit.unknownBasis");
        ledger.mine(T0 + 3000, ledger.sign(PATIENT, ConsentCalls.grant(grant, List.of(LAB_RESULT), HOUR)));

        assertThat(ledger.refusal(ledger.sign(OTHER_DOCTOR, Audit.access(patient, "lab-1", LAB_RESULT, grant, T0 + 4000)), T0 + 4000))
                .isEqualTo("audit.notAllowed");
        assertThat(ledger.refusal(ledger.sign(DOCTOR, Audit.access(patient, "lab-1", MEDICATION, grant, T0 + 4000)), T0 + 4000))
                .isEqualTo("audit.notAllowed");
        assertThat(ledger.refusal(ledger.sign(DOCTOR, Audit.access(OTHER_PATIENT.address(), "lab-1", LAB_RESULT, grant, T0 + 4000)), T0 + 4000))
                .isEqualTo("audit.unknownBasis");
        Transaction access = ledger.sign(DOCTOR, Audit.access(patient, "lab-1", LAB_RESULT, grant, T0 + 4000));
        ledger.mine(T0 + 4000, access);

        assertThat(ConsentQueries.accessEventsOf(ledger.state(), patient)).containsExactly(new AccessEvent(access.id(),
                DOCTOR.address(), patient, "lab-1", LAB_RESULT, T0 + 4000, T0 + 4000, AccessBasis.Kind.GRANT, grant));
        assertThat(ConsentQueries.accessEventsOf(ledger.state(), OTHER_PATIENT.address())).isEmpty();
    }

    @Test
    void aReadQueuedWhileTheGrantHeldIsRecordedEvenIfMinedAfterTheRevocation() {
        Transaction request = ledger.sign(DOCTOR, ConsentCalls.request(patient, Purpose.TREATMENT, List.of(LAB_RESULT), DAY, null));
        ledger.mine(T0 + 2000, request);
        ledger.mine(T0 + 3000, ledger.sign(PATIENT, ConsentCalls.grant(request.id(), List.of(LAB_RESULT), HOUR)));
        ledger.mine(T0 + 5000, ledger.sign(PATIENT, ConsentCalls.revoke(request.id())));

        ledger.mine(T0 + 9000, ledger.sign(DOCTOR, Audit.access(patient, "lab-1", LAB_RESULT, request.id(), T0 + 4000)));
        assertThat(ConsentQueries.accessEventsOf(ledger.state(), patient)).singleElement().satisfies(e -> {
            assertThat(e.atMillis()).as("when it was read").isEqualTo(T0 + 4000);
            assertThat(e.recordedAt()).as("when it was recorded").isEqualTo(T0 + 9000);
        });
        assertThat(ledger.refusal(ledger.sign(DOCTOR, Audit.access(patient, "lab-1", LAB_RESULT, request.id(), T0 + 5000)), T0 + 9500))
                .as("a read dated at the revocation").isEqualTo("audit.notAllowed");
    }

    @Test
    void aReadDatedMoreThanADayAfterTheBlockIsRefused() {
        Transaction request = ledger.sign(DOCTOR, ConsentCalls.request(patient, Purpose.TREATMENT, List.of(LAB_RESULT), 3 * DAY, null));
        ledger.mine(T0 + 2000, request);
        ledger.mine(T0 + 3000, ledger.sign(PATIENT, ConsentCalls.grant(request.id(), List.of(LAB_RESULT), 3 * DAY)));
        assertThat(ledger.refusal(ledger.sign(DOCTOR, Audit.access(patient, "lab-1", LAB_RESULT, request.id(), T0 + 4000 + DAY + 1)), T0 + 4000))
                .isEqualTo("audit.readInFuture");
    }

    @Test
    void twoIndependentChainsFedTheSameBlocksReachTheSameStateRoot() {
        Transaction request = ledger.sign(DOCTOR, ConsentCalls.request(patient, Purpose.REFERRAL, List.of(DIAGNOSIS, ALLERGY), DAY, hashOf("n")));
        ledger.mine(T0 + 2000, request,
                ledger.sign(OTHER_DOCTOR, ConsentCalls.emergency(patient, hashOf("r"))),
                ledger.sign(PATIENT, Anchors.anchor(patient, "dx-1", 1, DIAGNOSIS, hashOf("salt|dx"))));
        ledger.mine(T0 + 3000, ledger.sign(PATIENT, ConsentCalls.grant(request.id(), List.of(ALLERGY), HOUR)));
        ledger.mine(T0 + 4000, ledger.sign(DOCTOR, Audit.access(patient, "dx-1", ALLERGY, request.id(), T0 + 4000)),
                ledger.sign(PATIENT, ConsentCalls.revoke(request.id())));

        Chain other = TestChains.newChain();
        ledger.blocks.forEach(b -> assertThat(other.add(b).kind()).isEqualTo(ChainUpdate.Kind.EXTENDED));
        assertThat(other.tipState().root()).isEqualTo(ledger.chain.tipState().root()).isEqualTo(ledger.chain.tip().stateRoot());
        assertThat(ConsentQueries.accessEventsOf((ContractState) other.tipState(), patient)).hasSize(1);
        assertThat(ConsentQueries.grantsOf((ContractState) other.tipState(), patient).get(0).revokedAt()).hasValue(T0 + 4000);
    }
}

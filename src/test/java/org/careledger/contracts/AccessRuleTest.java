package org.careledger.contracts;

import java.util.List;
import java.util.Set;

import org.careledger.crypto.Address;
import org.careledger.ledger.Hash;
import org.careledger.ledger.Transaction;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careledger.contracts.ConsentLedger.*;
import static org.careledger.contracts.RecordCategory.*;

/**
 * The one consent rule the portal applies and the tests check: what it prefers when several grants
 * and an emergency could allow a read, and how a revocation the portal knows of but the ledger has
 * not mined yet already counts.
 */
class AccessRuleTest {

    private final ConsentLedger ledger = ConsentLedger.withUsers();
    private final Address patient = PATIENT.address();

    /** A request of the doctor for {@code categories} mined at {@code at}, granted as asked for {@code duration} a second later. */
    private Hash granted(List<RecordCategory> categories, long duration, long at) {
        Transaction request = ledger.sign(DOCTOR, ConsentCalls.request(patient, Purpose.TREATMENT, categories, duration, null));
        ledger.mine(at, request);
        ledger.mine(at + 1000, ledger.sign(PATIENT, ConsentCalls.grant(request.id(), categories, duration)));
        return request.id();
    }

    @Test
    void aGrantWhoseRevocationIsOnItsWayAllowsNothingEvenBeforeItIsMined() {
        Hash grant = granted(List.of(DIAGNOSIS), 7 * DAY, T0 + 2000);
        ContractState state = ledger.state();
        long now = T0 + 5000;

        assertThat(AccessRule.basis(state, patient, DOCTOR.address(), DIAGNOSIS, now, Set.of()))
                .hasValueSatisfying(b -> assertThat(b.id()).isEqualTo(grant));
        assertThat(AccessRule.basis(state, patient, DOCTOR.address(), DIAGNOSIS, now, Set.of(grant))).isEmpty();
        assertThat(AccessRule.bases(state, patient, DOCTOR.address(), now, Set.of(grant))).isEmpty();
    }

    @Test
    void aGrantIsPreferredToAnEmergencyAndTheLongestGrantToAShorterOne() {
        Hash shortGrant = granted(List.of(DIAGNOSIS, ALLERGY), DAY, T0 + 2000);
        Hash longGrant = granted(List.of(DIAGNOSIS), 30 * DAY, T0 + 4000);
        Transaction emergency = ledger.sign(DOCTOR, ConsentCalls.emergency(patient, hashOf("salt|collapsed")));
        ledger.mine(T0 + 6000, emergency);
        long now = T0 + 7000;

        var bases = AccessRule.bases(ledger.state(), patient, DOCTOR.address(), now, Set.of());

        assertThat(bases.get(DIAGNOSIS).id()).as("the longest grant covering it").isEqualTo(longGrant);
        assertThat(bases.get(ALLERGY).id()).as("a grant before an emergency").isEqualTo(shortGrant);
        assertThat(bases.get(LAB_RESULT).id()).as("what no grant covers, the emergency opens").isEqualTo(emergency.id());
        assertThat(bases.get(LAB_RESULT).kind()).isEqualTo(AccessBasis.Kind.EMERGENCY);
        assertThat(AccessRule.bases(ledger.state(), patient, OTHER_DOCTOR.address(), now, Set.of())).as("nothing for another doctor").isEmpty();
    }
}

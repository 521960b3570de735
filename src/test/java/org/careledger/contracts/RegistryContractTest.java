package org.careledger.contracts;

import org.careledger.crypto.DevAccounts;
import org.careledger.crypto.PrivateKey;
import org.careledger.ledger.Arg;
import org.careledger.ledger.ContractCall;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careledger.contracts.ConsentLedger.*;

/** Who may write the registry of users and roles, and what it refuses. */
class RegistryContractTest {

    private final ConsentLedger ledger = ConsentLedger.withUsers();
    private static final PrivateKey NEWCOMER = DevAccounts.ganacheAccount(15);

    @Test
    void anAdminRegistersAUserWithARoleThatOtherContractsThenSee() {
        ledger.mine(T0 + 2000, ledger.sign(ADMIN, Registry.register(NEWCOMER.address(), "PHARMACIST")));
        assertThat(Registry.roleOf(ledger.state().view(), NEWCOMER.address())).contains("PHARMACIST");
        assertThat(Tokens.balanceOf(ledger.state().view(), ADMIN.address())).as("registering is free").isZero();
    }

    @Test
    void aDoctorAPatientOrAFundedStrangerCannotRegisterAnyone() {
        assertThat(ledger.refusal(ledger.sign(DOCTOR, Registry.register(NEWCOMER.address(), "DOCTOR")), T0 + 2000))
                .isEqualTo("registry.admin");
        assertThat(ledger.refusal(ledger.sign(PATIENT, Registry.register(PATIENT.address(), "ADMIN")), T0 + 2000))
                .as("not even themselves, as an admin").isEqualTo("registry.admin");
        assertThat(ledger.refusal(ledger.sign(STRANGER, Registry.register(NEWCOMER.address(), "PATIENT")), T0 + 2000))
                .isEqualTo("registry.admin");
        assertThat(Registry.roleOf(ledger.state().view(), NEWCOMER.address())).isEmpty();
    }

    @Test
    void anUnknownRoleMethodOrArgumentListIsRefusedWithItsOwnRule() {
        assertThat(ledger.refusal(ledger.sign(ADMIN, Registry.register(NEWCOMER.address(), "SURGEON")), T0 + 2000))
                .isEqualTo("registry.role");
        assertThat(ledger.refusal(ledger.sign(ADMIN, ContractCall.of(Registry.NAME, "unregister", Arg.of(NEWCOMER.address()))), T0 + 2000))
                .isEqualTo("registry.method");
        assertThat(ledger.refusal(ledger.sign(ADMIN, ContractCall.of(Registry.NAME, "register", Arg.of("DOCTOR"))), T0 + 2000))
                .isEqualTo("registry.arguments");
    }
}

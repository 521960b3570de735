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
    private static final PrivateKey PHARMACY = DevAccounts.ganacheAccount(19);
    private static final PrivateKey HOSPITAL = DevAccounts.ganacheAccount(21);

    /** Registers the newcomer as a pharmacist, and a pharmacy's and a hospital's accounts. */
    private void withProviders() {
        ledger.mine(T0 + 2000,
                ledger.sign(ADMIN, Registry.register(NEWCOMER.address(), "PHARMACIST"), 0),
                ledger.sign(ADMIN, Registry.register(PHARMACY.address(), "PHARMACY"), 1),
                ledger.sign(ADMIN, Registry.register(HOSPITAL.address(), "HOSPITAL"), 2));
    }

    @Test
    void providersAccountsAreRegisteredWithTheirKindAsRole() {
        withProviders();
        assertThat(Registry.roleOf(ledger.state().view(), PHARMACY.address())).contains("PHARMACY");
        assertThat(Registry.roleOf(ledger.state().view(), HOSPITAL.address())).contains("HOSPITAL");
    }

    @Test
    void anAdminAffiliatesAPharmacistWithTheirPharmacyWhomTheyThenDispenseFor() {
        withProviders();
        assertThat(Registry.pharmacyOf(ledger.state().view(), NEWCOMER.address())).as("not yet affiliated").isEmpty();
        ledger.mine(T0 + 3000, ledger.sign(ADMIN, Registry.affiliate(NEWCOMER.address(), PHARMACY.address())));

        assertThat(Registry.affiliationOf(ledger.state().view(), NEWCOMER.address())).contains(PHARMACY.address());
        assertThat(Registry.pharmacyOf(ledger.state().view(), NEWCOMER.address())).contains(PHARMACY.address());

        ledger.mine(T0 + 4000, ledger.sign(ADMIN, Registry.affiliate(NEWCOMER.address(), HOSPITAL.address())));
        assertThat(Registry.affiliationOf(ledger.state().view(), NEWCOMER.address())).as("a new affiliation replaces the old")
                .contains(HOSPITAL.address());
        assertThat(Registry.pharmacyOf(ledger.state().view(), NEWCOMER.address())).as("a hospital is no pharmacy").isEmpty();
    }

    @Test
    void onlyAnAdminAffiliatesAndOnlyAPharmacistOrDoctorWithAPharmacyOrHospital() {
        withProviders();
        assertThat(ledger.refusal(ledger.sign(DOCTOR, Registry.affiliate(DOCTOR.address(), HOSPITAL.address())), T0 + 3000))
                .isEqualTo("registry.admin");
        assertThat(ledger.refusal(ledger.sign(PHARMACY, Registry.affiliate(NEWCOMER.address(), PHARMACY.address())), T0 + 3000))
                .as("not even the pharmacy's own account").isEqualTo("registry.admin");
        assertThat(ledger.refusal(ledger.sign(ADMIN, Registry.affiliate(PATIENT.address(), PHARMACY.address())), T0 + 3000))
                .isEqualTo("registry.member");
        assertThat(ledger.refusal(ledger.sign(ADMIN, Registry.affiliate(STRANGER.address(), PHARMACY.address())), T0 + 3000))
                .isEqualTo("registry.member");
        assertThat(ledger.refusal(ledger.sign(ADMIN, Registry.affiliate(NEWCOMER.address(), DOCTOR.address())), T0 + 3000))
                .isEqualTo("registry.provider");
        assertThat(ledger.refusal(ledger.sign(ADMIN, Registry.affiliate(NEWCOMER.address(), STRANGER.address())), T0 + 3000))
                .isEqualTo("registry.provider");
        assertThat(ledger.refusal(ledger.sign(ADMIN, Registry.affiliate(DOCTOR.address(), HOSPITAL.address())), T0 + 3000)).isNull();
        assertThat(Registry.affiliationOf(ledger.state().view(), DOCTOR.address())).isEmpty();
    }

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

package org.careledger.registry;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.careledger.Await;
import org.careledger.IntegrationTest;
import org.careledger.contracts.Registry;
import org.careledger.contracts.Tokens;
import org.careledger.crypto.Address;
import org.careledger.identity.AccountAdministration;
import org.careledger.identity.DemoAccounts;
import org.careledger.identity.ProviderKeyCustody;
import org.careledger.identity.Role;
import org.careledger.identity.TestAccounts;
import org.careledger.identity.UserDirectory;
import org.careledger.identity.UserProfile;
import org.careledger.node.InstallKey;
import org.careledger.node.LedgerService;
import org.careledger.node.LedgerSettings;
import org.careledger.outbox.LedgerOutbox;
import org.careledger.outbox.LedgerReceipt;
import org.careledger.outbox.QueuedCall;
import org.careledger.outbox.CallKind;
import org.careledger.outbox.Signer;
import org.careledger.outbox.TestCalls;
import org.careledger.provider.ProviderKind;
import org.careledger.provider.ProviderView;
import org.careledger.provider.Providers;
import org.careledger.provider.internal.ProviderEntity;
import org.careledger.provider.internal.ProviderRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProviderAccountsTest extends IntegrationTest {

    /** The wallet's kind of call for a provider's float. */
    static final CallKind FLOAT = new CallKind("wallet", "providerFloat");

    @Autowired
    ProviderAccounts accounts;

    @Autowired
    ProviderKeyCustody custody;

    @Autowired
    Providers providers;

    @Autowired
    ProviderRepository providerRows;

    @Autowired
    RegistrySync registrySync;

    @Autowired
    LedgerService ledger;

    @Autowired
    LedgerOutbox outbox;

    @Autowired
    LedgerSettings settings;

    @Autowired
    AccountAdministration administration;

    @Autowired
    UserDirectory directory;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    ApplicationContext context;

    /** A unique name of letters only, as a provider's name holds no digits. */
    private static String uniqueName(String kind) {
        StringBuilder suffix = new StringBuilder();
        for (char c : UUID.randomUUID().toString().replace("-", "").substring(0, 10).toCharArray()) {
            suffix.append((char) ('a' + Character.digit(c, 16)));
        }
        return kind + " " + Character.toUpperCase(suffix.charAt(0)) + suffix.substring(1);
    }

    private Role roleOnChain(Address account) {
        return Registry.roleOf(ledger.committedState().view(), account).map(r -> r.equals("PHARMACY") || r.equals("HOSPITAL") ? null : Role.valueOf(r))
                .orElse(null);
    }

    private String providerRoleOnChain(Address account) {
        return Registry.roleOf(ledger.committedState().view(), account).orElse(null);
    }

    @Test
    void aNewPharmacyGetsAnAccountWhoseKeyIsWrappedInCustodyRegisteredAsAPharmacyAndFundedOnce() {
        TestAccounts tests = new TestAccounts(context);
        ProviderView pharmacy = tests.asAdmin(() -> providers.create(uniqueName("Pharmacy"), ProviderKind.PHARMACY, "9 Test Street"));

        Address address = accounts.addressOf(pharmacy.id()).orElseThrow();
        byte[] stored = Base64.getDecoder().decode(jdbc.queryForObject(
                "SELECT wrapped_private_key FROM provider_keys WHERE provider_id = ?", String.class, pharmacy.id()));
        byte[] plain = custody.withPrivateKey(pharmacy.id(), key -> {
            assertThat(key.address()).isEqualTo(address);
            return key.bytes();
        });
        assertThat(indexOf(stored, plain)).as("the key is never stored in plain").isNegative();
        assertThat(accounts.signerOf(pharmacy.id())).isEqualTo(Signer.provider(pharmacy.id()));

        Await.until("the pharmacy's account is a PHARMACY on chain", () -> "PHARMACY".equals(providerRoleOnChain(address)));
        long float_ = settings.providerFloatBaseUnits();
        assertThat(float_).isPositive();
        Await.until("the treasury's float arrives", () -> Tokens.balanceOf(ledger.committedState().view(), address) == float_);
        assertThat(outbox.ofSubject(FLOAT, address.toString())).hasSize(1);
    }

    @Test
    void onlyAdminsReadTheProvidersBalances() {
        assertThatThrownBy(() -> TestAccounts.as(DemoAccounts.PHARMACIST.username(), Role.PHARMACIST, accounts::accounts))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(new TestAccounts(context).asAdmin(accounts::accounts)).isNotEmpty();
    }

    @Test
    void aProviderSignsWithItsOwnAccountThroughTheOutbox() {
        TestAccounts tests = new TestAccounts(context);
        ProviderView hospital = tests.asAdmin(() -> providers.create(uniqueName("Hospital"), ProviderKind.HOSPITAL, "10 Test Street"));
        Address address = accounts.addressOf(hospital.id()).orElseThrow();
        Await.until("the hospital is registered and funded", () -> "HOSPITAL".equals(providerRoleOnChain(address))
                && Tokens.balanceOf(ledger.committedState().view(), address) > 0);
        long before = Tokens.balanceOf(ledger.committedState().view(), address);

        Address treasury = ledger.addressOf(InstallKey.TREASURY);
        QueuedCall call = transactions.execute(s -> outbox.queue(TestCalls.CALL, accounts.signerOf(hospital.id()),
                address.toString(), null, Tokens.transfer(treasury, 1)));
        LedgerReceipt receipt = outbox.awaitCommitted(call, Duration.ofSeconds(60));

        assertThat(receipt.status()).isEqualTo(LedgerReceipt.Status.COMMITTED);
        assertThat(Tokens.balanceOf(ledger.committedState().view(), address)).isLessThan(before);
    }

    @Test
    void anApprovedPharmacistIsAffiliatedWithTheirPharmacyOnChain() {
        TestAccounts tests = new TestAccounts(context);
        UserProfile pharmacist = tests.active(Role.PHARMACIST);
        Address pharmacy = accounts.addressOf(pharmacist.providerId()).orElseThrow();

        Await.until("the pharmacist dispenses for their pharmacy on chain",
                () -> Registry.pharmacyOf(ledger.committedState().view(), pharmacist.ledgerAddress()).filter(pharmacy::equals).isPresent());
    }

    @Test
    void theDemoPharmacistDispensesForTheDemoPharmacyOnceTheStartsCatchUpHasRun() {
        UserProfile pharmacist = directory.findByUsername(DemoAccounts.PHARMACIST.username()).orElseThrow();
        Address pharmacy = accounts.addressOf(pharmacist.providerId()).orElseThrow();

        Await.until("the demo pharmacist is affiliated with the demo pharmacy on chain",
                () -> Registry.pharmacyOf(ledger.committedState().view(), pharmacist.ledgerAddress()).filter(pharmacy::equals).isPresent());
        List<QueuedCall> sent = outbox.ofSubject(Affiliations.AFFILIATE, pharmacist.ledgerAddress().toString());
        assertThat(sent).as("sent after the pharmacy's registration, never refused").hasSize(1)
                .allMatch(c -> c.status() != LedgerReceipt.Status.REFUSED);

        registrySync.reconcile();
        assertThat(outbox.ofSubject(Affiliations.AFFILIATE, pharmacist.ledgerAddress().toString()))
                .as("a later start's catch-up sends nothing more").hasSize(1);
    }

    @Test
    void aDoctorMadePharmacistIsRegisteredAndAffiliatedAgain() {
        TestAccounts tests = new TestAccounts(context);
        UserProfile doctor = tests.active(Role.DOCTOR);
        Address hospital = accounts.addressOf(doctor.providerId()).orElseThrow();
        Await.until("the doctor is affiliated with their hospital",
                () -> Registry.affiliationOf(ledger.committedState().view(), doctor.ledgerAddress()).filter(hospital::equals).isPresent());

        tests.asAdmin(() -> administration.changeRole(doctor.id(), Role.PHARMACIST));

        Await.until("the new role is on chain", () -> roleOnChain(doctor.ledgerAddress()) == Role.PHARMACIST);
        assertThat(outbox.ofSubject(Affiliations.AFFILIATE, doctor.ledgerAddress().toString())).hasSize(2);
        Await.until("the affiliation was sent again after the new role",
                () -> outbox.inFlight(Affiliations.AFFILIATE, doctor.ledgerAddress().toString()).isEmpty());
        assertThat(Registry.affiliationOf(ledger.committedState().view(), doctor.ledgerAddress())).contains(hospital);
        assertThat(Registry.pharmacyOf(ledger.committedState().view(), doctor.ledgerAddress()))
                .as("a hospital is not a pharmacy").isEmpty();
    }

    @Test
    void theCatchUpAtStartOpensAndRegistersAnAccountMissingFromEarlierExactlyOnce() {
        // a provider from before accounts existed: a row written without the event
        long id = transactions.execute(s -> providerRows.save(
                new ProviderEntity(uniqueName("Pharmacy"), ProviderKind.PHARMACY, "11 Old Street", Instant.now())).getId());
        assertThat(accounts.addressOf(id)).isEmpty();

        registrySync.reconcile();
        registrySync.reconcile();

        Address address = accounts.addressOf(id).orElseThrow();
        assertThat(outbox.ofSubject(RegistrySync.REGISTER, address.toString())).as("one registration, however often it runs").hasSize(1);
        assertThat(outbox.ofSubject(FLOAT, address.toString())).as("one float").hasSize(1);
        Await.until("the old pharmacy is a PHARMACY on chain", () -> "PHARMACY".equals(providerRoleOnChain(address)));

        registrySync.reconcile();
        assertThat(outbox.ofSubject(RegistrySync.REGISTER, address.toString())).as("nothing more once it is on chain").hasSize(1);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}

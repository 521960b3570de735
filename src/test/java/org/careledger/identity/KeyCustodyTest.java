package org.careledger.identity;

import org.careledger.IntegrationTest;
import org.careledger.crypto.Address;
import org.careledger.crypto.DevAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeyCustodyTest extends IntegrationTest {

    @Autowired
    ApplicationContext ctx;
    @Autowired
    KeyCustody custody;
    @Autowired
    UserDirectory directory;
    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    private UserId idOf(DemoAccounts.DemoAccount demo) {
        return directory.findByUsername(demo.username()).orElseThrow().id();
    }

    private byte[] storedWrappedKey(UserId id) {
        return jdbc.queryForObject("select wrapped_private_key from user_keys where user_id = ?", byte[].class, id.value());
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    @Test
    void theDatabaseHoldsTheKeyWrappedNeverRaw() {
        UserProfile user = new TestAccounts(ctx).active(Role.DOCTOR);
        byte[] raw = custody.withPrivateKey(user.id(), key -> key.bytes());
        byte[] stored = storedWrappedKey(user.id());

        assertThat(raw).hasSize(32);
        assertThat(stored).isNotEmpty().isNotEqualTo(raw);
        assertThat(contains(stored, raw)).as("raw key bytes inside the stored column").isFalse();
    }

    @Test
    void theDemoDoctorsWrappedKeyIsNotTheKnownGanacheKey() {
        byte[] ganache = DevAccounts.ganacheAccount(1).bytes();
        assertThat(contains(storedWrappedKey(idOf(DemoAccounts.DOCTOR)), ganache)).isFalse();
    }

    @Test
    void theKeyInCustodyBelongsToTheAddressOnRecord() {
        UserProfile user = new TestAccounts(ctx).active(Role.PATIENT);
        Address address = custody.addressOf(user.id()).orElseThrow();

        assertThat(custody.<Address>withPrivateKey(user.id(), key -> key.address())).isEqualTo(address);
        assertThat(user.ledgerAddress()).isEqualTo(address);
        assertThat(custody.ownerOf(Address.parse(address.toString().toLowerCase()))).contains(user.id());
    }

    @Test
    void demoUsersHoldTheGanacheAccountsOfTheirIndex() {
        assertThat(custody.addressOf(idOf(DemoAccounts.DOCTOR))).contains(Address.parse("0xFFcf8FDEE72ac11b5c542428B35EEF5769C409f0"));
        assertThat(custody.addressOf(idOf(DemoAccounts.PATIENT))).contains(Address.parse("0x22d491Bde2303f2f43325b2108D26f1eAbA1e32b"));
        for (DemoAccounts.DemoAccount demo : DemoAccounts.ALL) {
            Address expected = DevAccounts.ganacheAccount(demo.devAccountIndex()).address();
            assertThat(custody.<Address>withPrivateKey(idOf(demo), key -> key.address())).isEqualTo(expected);
            assertThat(directory.findByUsername(demo.username()).orElseThrow().ledgerAddress()).isEqualTo(expected);
        }
    }

    @Test
    void aPendingUserHasNoKey() {
        UserProfile pending = new TestAccounts(ctx).pending(Role.PATIENT);
        assertThat(custody.addressOf(pending.id())).isEmpty();
        assertThatThrownBy(() -> custody.withPrivateKey(pending.id(), key -> key)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void keysAreOnlyIssuedInsideATransaction() {
        UserProfile pending = new TestAccounts(ctx).pending(Role.PATIENT);
        assertThatThrownBy(() -> custody.issueKey(pending.id()))
                .isInstanceOf(org.springframework.transaction.IllegalTransactionStateException.class);
        assertThat(custody.addressOf(pending.id())).isEmpty();
    }

    @Test
    void aWrappedKeyCopiedToAnotherUserDoesNotUnwrap() {
        UserProfile a = new TestAccounts(ctx).active(Role.PHARMACIST);
        UserProfile b = new TestAccounts(ctx).active(Role.PHARMACIST);
        byte[] aWrapped = storedWrappedKey(a.id());
        byte[] bWrapped = storedWrappedKey(b.id());
        jdbc.update("update user_keys set wrapped_private_key = ? where user_id = ?", aWrapped, b.id().value());
        try {
            assertThatThrownBy(() -> custody.withPrivateKey(b.id(), key -> key.address()))
                    .isInstanceOf(RuntimeException.class);
        } finally {
            jdbc.update("update user_keys set wrapped_private_key = ? where user_id = ?", bWrapped, b.id().value());
        }
        assertThat(custody.<Address>withPrivateKey(b.id(), key -> key.address())).isEqualTo(b.ledgerAddress());
    }
}

package org.careledger.crypto;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SaltedHashTest {

    private static final byte[] ID = "1985-03-14|LU-0123456".getBytes(UTF_8);

    @Test
    void hashIsSha256OfSaltFollowedByCanonicalForm() {
        byte[] salt = new byte[32];
        salt[0] = 7;
        SaltedHash hash = SaltedHash.of(ID, salt);
        assertThat(hash.bytes()).isEqualTo(Hashes.sha256(salt, ID)).isNotEqualTo(Hashes.sha256(ID, salt));
        assertThat(hash.hex()).isEqualTo(Hashes.hex(Hashes.sha256(salt, ID)));
    }

    @Test
    void matchesOnlyTheSameValueWithTheSameSalt() {
        byte[] salt = SaltedHash.newSalt();
        SaltedHash hash = SaltedHash.of(ID, salt);
        assertThat(hash.matches(ID, salt)).isTrue();
        assertThat(hash.matches("1985-03-14|LU-0123457".getBytes(UTF_8), salt)).isFalse();
        assertThat(hash.matches(ID, SaltedHash.newSalt())).isFalse();
    }

    @Test
    void differentSaltsHideEqualValues() {
        assertThat(SaltedHash.of(ID, SaltedHash.newSalt())).isNotEqualTo(SaltedHash.of(ID, SaltedHash.newSalt()));
        assertThat(SaltedHash.newSalt()).hasSize(32);
    }

    @Test
    void storedFormRoundTripsAndHasValueEquality() {
        SaltedHash hash = SaltedHash.of(ID, SaltedHash.newSalt());
        assertThat(SaltedHash.fromHex(hash.hex())).isEqualTo(hash).hasSameHashCodeAs(hash);
        assertThat(SaltedHash.fromBytes(hash.bytes())).isEqualTo(hash);
        assertThat(hash.toString()).isEqualTo("SaltedHash[" + hash.hex() + "]");
    }

    @Test
    void saltThatIsNot32BytesIsRejected() {
        assertThatThrownBy(() -> SaltedHash.of(ID, new byte[16]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> SaltedHash.fromBytes(new byte[31])).isInstanceOf(IllegalArgumentException.class);
    }
}

package org.careledger.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class KeyWrapTest {

    private static final String ALICE = "careledger:user-key:0x90F8bf6A479f320ead074411a4B0e7944Ea8c9C1";
    private static final String BOB = "careledger:user-key:0xFFcf8FDEE72ac11b5c542428B35EEF5769C409f0";

    @Test
    void wrappedKeyUnwrapsForTheSamePurpose() {
        byte[] kek = AesGcm.newKey();
        byte[] dataKey = AesGcm.newKey();
        byte[] wrapped = KeyWrap.wrap(kek, dataKey, ALICE);
        assertThat(wrapped).hasSize(32 + AesGcm.OVERHEAD).isNotEqualTo(dataKey);
        assertThat(KeyWrap.unwrap(kek, wrapped, ALICE)).isEqualTo(dataKey);
    }

    @Test
    void unwrapWithAnotherPurposeFails() {
        byte[] kek = AesGcm.newKey();
        byte[] wrapped = KeyWrap.wrap(kek, AesGcm.newKey(), ALICE);
        assertThatThrownBy(() -> KeyWrap.unwrap(kek, wrapped, BOB))
                .isInstanceOf(DecryptionFailedException.class)
                .hasMessageContaining("another owner or purpose");
    }

    @Test
    void unwrapWithAnotherKekFails() {
        byte[] wrapped = KeyWrap.wrap(AesGcm.newKey(), AesGcm.newKey(), ALICE);
        assertThatThrownBy(() -> KeyWrap.unwrap(AesGcm.newKey(), wrapped, ALICE))
                .isInstanceOf(DecryptionFailedException.class);
    }

    @Test
    void blankPurposeAndShortKekAreRejected() {
        assertThatThrownBy(() -> KeyWrap.wrap(AesGcm.newKey(), new byte[32], " "))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KeyWrap.wrap(new byte[31], new byte[32], ALICE))
                .isInstanceOf(InvalidKeyException.class);
    }
}

package org.careledger.crypto;

import java.util.Arrays;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.careledger.Generators.byteArrays;
import static org.quicktheories.QuickTheory.qt;

class AesGcmTest {

    private static final byte[] AAD = "careledger:record:17".getBytes(UTF_8);

    @Test
    void rawCipherMatchesGcmSpecTestCase14() throws Exception {
        // McGrew & Viega, "The Galois/Counter Mode of Operation (GCM)", test case 14 (as in
        // NIST SP 800-38D validation): K = 0^256, IV = 0^96, P = 0^128, A empty.
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(new byte[32], "AES"),
                new GCMParameterSpec(128, new byte[12]));
        assertThat(Hashes.hex(cipher.doFinal(new byte[16])))
                .isEqualTo("cea7403d4d606b6e074ec5d3baf39d18" + "d0d1c8a799996bf0265b98b5d48ab919");
    }

    @Test
    void decryptOpensTheSealedFormOfTheGcmSpecVector() {
        // same test case 14, framed as version 1 || nonce || ciphertext || tag
        byte[] sealed = Hashes.unhex("01" + "000000000000000000000000"
                + "cea7403d4d606b6e074ec5d3baf39d18" + "d0d1c8a799996bf0265b98b5d48ab919");
        assertThat(AesGcm.decrypt(new byte[32], sealed, null)).isEqualTo(new byte[16]);
        assertThat(AesGcm.decrypt(new byte[32], sealed, new byte[0])).isEqualTo(new byte[16]);
    }

    @Test
    void encryptThenDecryptRoundTripsWithTheDocumentedLayout() {
        byte[] key = AesGcm.newKey();
        byte[] plaintext = "Blood type: 0 negative".getBytes(UTF_8);
        byte[] sealed = AesGcm.encrypt(key, plaintext, AAD);
        assertThat(sealed).hasSize(plaintext.length + AesGcm.OVERHEAD);
        assertThat(sealed[0]).isEqualTo(AesGcm.VERSION);
        assertThat(AesGcm.decrypt(key, sealed, AAD)).isEqualTo(plaintext);
        assertThat(AesGcm.decrypt(key, AesGcm.encrypt(key, new byte[0], null), null)).isEmpty();
    }

    @Test
    void encryptingTheSamePlaintextTwiceGivesDifferentOutput() {
        byte[] key = AesGcm.newKey();
        byte[] plaintext = "same".getBytes(UTF_8);
        byte[] first = AesGcm.encrypt(key, plaintext, AAD);
        byte[] second = AesGcm.encrypt(key, plaintext, AAD);
        assertThat(first).isNotEqualTo(second);
        assertThat(Arrays.copyOfRange(first, 1, 13))
                .isNotEqualTo(Arrays.copyOfRange(second, 1, 13));
        assertThat(AesGcm.newKey()).hasSize(32).isNotEqualTo(key);
    }

    @Test
    void flippingAnyByteOfTheSealedDataIsDetected() {
        byte[] key = AesGcm.newKey();
        byte[] sealed = AesGcm.encrypt(key, "allergy: penicillin".getBytes(UTF_8), AAD);
        for (int i = 0; i < sealed.length; i++) {
            byte[] altered = sealed.clone();
            altered[i] ^= 0x01;
            assertThatThrownBy(() -> AesGcm.decrypt(key, altered, AAD))
                    .isInstanceOf(DecryptionFailedException.class)
                    .hasMessageStartingWith("Data could not be decrypted");
        }
    }

    @Test
    void changedAssociatedDataOrWrongKeyIsDetected() {
        byte[] key = AesGcm.newKey();
        byte[] sealed = AesGcm.encrypt(key, "x".getBytes(UTF_8), AAD);
        assertThatThrownBy(() -> AesGcm.decrypt(key, sealed, "careledger:record:18".getBytes(UTF_8)))
                .isInstanceOf(DecryptionFailedException.class)
                .hasMessage("Data could not be decrypted: it was altered or the key is wrong");
        assertThatThrownBy(() -> AesGcm.decrypt(key, sealed, null))
                .isInstanceOf(DecryptionFailedException.class);
        assertThatThrownBy(() -> AesGcm.decrypt(AesGcm.newKey(), sealed, AAD))
                .isInstanceOf(DecryptionFailedException.class)
                .hasMessage("Data could not be decrypted: it was altered or the key is wrong");
    }

    @Test
    void unknownVersionAndTooShortInputAreRejected() {
        byte[] key = AesGcm.newKey();
        byte[] sealed = AesGcm.encrypt(key, "x".getBytes(UTF_8), AAD);
        sealed[0] = 2;
        assertThatThrownBy(() -> AesGcm.decrypt(key, sealed, AAD))
                .isInstanceOf(DecryptionFailedException.class).hasMessageContaining("version 2");
        assertThatThrownBy(() -> AesGcm.decrypt(key, new byte[AesGcm.OVERHEAD - 1], AAD))
                .isInstanceOf(DecryptionFailedException.class).hasMessageContaining("too short");
        assertThatThrownBy(() -> AesGcm.decrypt(key, null, AAD))
                .isInstanceOf(DecryptionFailedException.class);
    }

    @Test
    void keysThatAreNot32BytesAreRejected() {
        assertThatThrownBy(() -> AesGcm.encrypt(new byte[16], new byte[1], null))
                .isInstanceOf(InvalidKeyException.class).hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> AesGcm.decrypt(new byte[33], new byte[40], null))
                .isInstanceOf(InvalidKeyException.class);
        assertThatThrownBy(() -> AesGcm.encrypt(null, new byte[1], null))
                .isInstanceOf(InvalidKeyException.class);
    }

    @Test
    void anyPlaintextRoundTrips() {
        qt().withExamples(100)
                .forAll(byteArrays(0, 300), byteArrays(0, 40))
                .checkAssert((plaintext, aad) -> {
                    byte[] key = AesGcm.newKey();
                    assertThat(AesGcm.decrypt(key, AesGcm.encrypt(key, plaintext, aad), aad)).isEqualTo(plaintext);
                });
    }
}

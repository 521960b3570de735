package org.careledger.crypto;

import java.security.MessageDigest;

import org.junit.jupiter.api.Test;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.careledger.Generators.byteArrays;
import static org.quicktheories.QuickTheory.qt;

class HashesTest {

    @Test
    void keccak256OfEmptyInputIsEthereumsValueNotSha3() throws Exception {
        // Keccak-256("") as used by Ethereum (the empty-code hash of the Yellow Paper);
        // SHA3-256("") from FIPS 202 is a7ffc6f8... and must not come out.
        assertThat(Hashes.hex(Hashes.keccak256(new byte[0])))
                .isEqualTo("c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470");
        byte[] sha3 = MessageDigest.getInstance("SHA3-256").digest(new byte[0]);
        assertThat(Hashes.hex(sha3)).startsWith("a7ffc6f8");
        assertThat(Hashes.keccak256(new byte[0])).isNotEqualTo(sha3);
    }

    @Test
    void keccak256OfAbcMatchesGoEthereum() {
        // go-ethereum crypto/crypto_test.go, TestKeccak256Hash
        assertThat(Hashes.hex(Hashes.keccak256("abc".getBytes(US_ASCII))))
                .isEqualTo("4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45");
    }

    @Test
    void sha256OfAbcMatchesFips180Example() {
        // FIPS 180-2, appendix B.1 (one-block message "abc")
        assertThat(Hashes.hex(Hashes.sha256("abc".getBytes(US_ASCII))))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void sha256OfPartsEqualsSha256OfTheirConcatenation() {
        byte[] parts = Hashes.sha256("a".getBytes(US_ASCII), new byte[0], "bc".getBytes(US_ASCII));
        assertThat(parts).isEqualTo(Hashes.sha256("abc".getBytes(US_ASCII)));
        assertThat(Hashes.hex(Hashes.sha256()))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void unhexAcceptsOptionalPrefixAndEitherCase() {
        assertThat(Hashes.unhex("0xDEADbeef")).containsExactly(0xde, 0xad, 0xbe, 0xef);
        assertThat(Hashes.unhex("00ff")).containsExactly(0x00, 0xff);
        assertThat(Hashes.unhex("0x")).isEmpty();
        assertThat(Hashes.hex(new byte[] {0x0a, (byte) 0xbc})).isEqualTo("0abc");
    }

    @Test
    void unhexRejectsOddLengthAndNonHexCharacters() {
        assertThatThrownBy(() -> Hashes.unhex("abc")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("even number");
        assertThatThrownBy(() -> Hashes.unhex("0xzz")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'z'");
        // full-width digits are Character.digit()-valid but not hexadecimal text
        assertThatThrownBy(() -> Hashes.unhex("\uff10\uff11")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Hashes.unhex(" 00")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void hexRoundTrips() {
        qt().withExamples(100)
                .forAll(byteArrays(0, 255))
                .checkAssert(bytes -> assertThat(Hashes.unhex(Hashes.hex(bytes))).isEqualTo(bytes));
    }
}

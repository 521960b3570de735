package org.careledger.crypto;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.careledger.Generators.byteArrays;
import static org.quicktheories.QuickTheory.qt;

class AddressTest {

    /** The test cases of the EIP-55 specification (eips.ethereum.org/EIPS/eip-55). */
    @ParameterizedTest
    @ValueSource(strings = {
        // all caps
        "0x52908400098527886E0F7030069857D2E4169EE7",
        "0x8617E340B3D01FA5F11F306F4090FD50E238070D",
        // all lower
        "0xde709f2102306220921060314715629080e2fb77",
        "0x27b1fdb04752bbc536007a920d24acb045561c26",
        // normal
        "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
        "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
        "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB",
        "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb"})
    void eip55SpecificationExamplesAreTheirOwnChecksummedForm(String text) {
        Address address = Address.parse(text);
        assertThat(address.toString()).isEqualTo(text);
        assertThat(address.toLowerHex()).isEqualTo(text.toLowerCase(Locale.ROOT));
    }

    @Test
    void lowerAndUpperCaseFormsParseToTheChecksummedAddress() {
        String checksummed = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";
        Address lower = Address.parse(checksummed.toLowerCase(Locale.ROOT));
        Address upper = Address.parse("0x" + checksummed.substring(2).toUpperCase(Locale.ROOT));
        assertThat(lower).isEqualTo(upper).isEqualTo(Address.parse(checksummed));
        assertThat(lower.toString()).isEqualTo(checksummed);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
        "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
        "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB",
        "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb"})
    void mixedCaseAddressWithWrongChecksumIsRejected(String valid) {
        // flip the case of each letter in turn: every single flip must be caught
        for (int i = 2; i < valid.length(); i++) {
            char c = valid.charAt(i);
            if (!Character.isLetter(c)) {
                continue;
            }
            char flipped = Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c);
            String typo = valid.substring(0, i) + flipped + valid.substring(i + 1);
            boolean singleCase = typo.substring(2).equals(typo.substring(2).toLowerCase(Locale.ROOT))
                    || typo.substring(2).equals(typo.substring(2).toUpperCase(Locale.ROOT));
            if (singleCase) {
                continue;
            }
            assertThatThrownBy(() -> Address.parse(typo))
                    .isInstanceOf(InvalidAddressException.class)
                    .hasMessage("Address checksum does not match (EIP-55): check for a typing error");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", // no prefix
        "0X5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", // capital X
        "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAe", // 39 digits
        "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed00", // 42 digits
        "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeg", // not hex
        " 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", // white space
        ""})
    void malformedAddressTextIsRejectedWithAPlainMessage(String text) {
        assertThatThrownBy(() -> Address.parse(text))
                .isInstanceOf(InvalidAddressException.class)
                .hasMessage("Address must be 0x followed by 40 hexadecimal characters");
        assertThat(Address.isValid(text)).isFalse();
    }

    @Test
    void nullTextAndWrongByteLengthAreRejected() {
        assertThatThrownBy(() -> Address.parse(null)).isInstanceOf(InvalidAddressException.class);
        assertThatThrownBy(() -> Address.fromBytes(new byte[19]))
                .isInstanceOf(InvalidAddressException.class).hasMessageContaining("20 bytes");
    }

    @Test
    void bytesAreCopiedInAndOut() {
        byte[] raw = new byte[20];
        Address address = Address.fromBytes(raw);
        raw[0] = 1;
        address.bytes()[1] = 1;
        assertThat(address.bytes()).isEqualTo(new byte[20]);
        assertThat(address.toString()).isEqualTo("0x0000000000000000000000000000000000000000");
    }

    @Test
    void addressesOrderByUnsignedBytes() {
        Address low = Address.parse("0x0000000000000000000000000000000000000001");
        Address high = Address.parse("0xff00000000000000000000000000000000000000");
        assertThat(low).isLessThan(high);
        assertThat(high.compareTo(low)).isPositive();
    }

    @Test
    void checksummedTextRoundTrips() {
        qt().withExamples(100)
                .forAll(byteArrays(20, 20))
                .checkAssert(bytes -> {
                    Address address = Address.fromBytes(bytes);
                    assertThat(Address.parse(address.toString())).isEqualTo(address);
                    assertThat(Address.parse(address.toLowerHex())).isEqualTo(address);
                });
    }
}

package org.careledger.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.security.SecureRandom;

import org.bouncycastle.util.BigIntegers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeysTest {

    /**
     * Published private key / address pairs:
     * <ul>
     *   <li>web3.js 1.x documentation, web3.eth.accounts.create()/privateKeyToAccount example
     *       (docs/web3-eth-accounts.rst);
     *   <li>go-ethereum test key (crypto/crypto_test.go and internal/ethapi tests: testPrivHex /
     *       testAddrHex);
     *   <li>Ganache deterministic accounts 0 to 3 (mnemonic "myth like bonus ...", as listed by
     *       ganache-cli -d and quoted in e.g. the Wormhole dev docs and truffle projects).
     * </ul>
     */
    @ParameterizedTest
    @CsvSource({
        "0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318, 0x2c7536E3605D9C16a7a3D7b1898e529396a65c23",
        "289c2857d4598e37fb9647507e47a309d6133539bf21a8b9cb6df88fd5232032, 0x970E8128AB834E8EAC17Ab8E3812F010678CF791",
        "0x4f3edf983ac636a65a842ce7c78d9aa706d3b113bce9c46f30d7d21715b23b1d, 0x90F8bf6A479f320ead074411a4B0e7944Ea8c9C1",
        "0x6cbed15c793ce57650b9877cf6fa156fbef513c4e6134f022a85b1ffdd59b2a1, 0xFFcf8FDEE72ac11b5c542428B35EEF5769C409f0",
        "0x6370fd033278c143179d81c5526140625662b8daa446c22ee2d73db3707e620c, 0x22d491Bde2303f2f43325b2108D26f1eAbA1e32b",
        "0x646f1ce2fdad0e6deeeb5c7e8e5543bdde65e86029e2fd9fc169899c440a7913, 0xE11BA2b4D45Eaed5996Cd0823791E0C93114882d"})
    void privateKeyDerivesThePublishedAddress(String privateKeyHex, String address) {
        PrivateKey key = PrivateKey.fromHex(privateKeyHex);
        assertThat(key.address().toString()).isEqualTo(address);
        assertThat(key.publicKey().address()).isEqualTo(Address.parse(address));
    }

    @Test
    void privateKeyOneHasTheGeneratorAsPublicKey() {
        // SEC 2 v2, section 2.4.1: compressed generator G of secp256k1
        PrivateKey one = PrivateKey.fromBytes(BigIntegers.asUnsignedByteArray(32, BigInteger.ONE));
        assertThat(Hashes.hex(one.publicKey().compressed()))
                .isEqualTo("0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798");
        assertThat(Hashes.hex(one.publicKey().uncompressed())).isEqualTo("04"
                + "79be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798"
                + "483ada7726a3c4655da4fbfc0e1108a8fd17b448a68554199c47d08ffb10d4b8");
    }

    @Test
    void privateKeyToStringDoesNotRevealTheKey() {
        String hex = "4f3edf983ac636a65a842ce7c78d9aa706d3b113bce9c46f30d7d21715b23b1d";
        PrivateKey key = PrivateKey.fromHex(hex);
        assertThat(key.toString())
                .isEqualTo("PrivateKey[redacted, address=0x90F8bf6A479f320ead074411a4B0e7944Ea8c9C1]")
                .doesNotContainIgnoringCase(hex)
                .doesNotContainIgnoringCase(hex.substring(0, 8));
    }

    @Test
    void privateKeyOutsideOneToNMinusOneIsRejected() {
        assertThatThrownBy(() -> PrivateKey.fromBytes(new byte[32]))
                .isInstanceOf(InvalidKeyException.class).hasMessageContaining("out of range");
        assertThatThrownBy(() -> PrivateKey.fromBytes(BigIntegers.asUnsignedByteArray(32, Secp256k1.N)))
                .isInstanceOf(InvalidKeyException.class).hasMessageContaining("out of range");
        assertThatThrownBy(() -> PrivateKey.fromBytes(new byte[31]))
                .isInstanceOf(InvalidKeyException.class).hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> PrivateKey.fromHex("0xnothex"))
                .isInstanceOf(InvalidKeyException.class).hasMessageContaining("hexadecimal");
        PrivateKey max = PrivateKey.fromBytes(
                BigIntegers.asUnsignedByteArray(32, Secp256k1.N.subtract(BigInteger.ONE)));
        assertThat(max.publicKey()).isNotNull();
    }

    @Test
    void privateKeyBytesAreCopiesAndEqualityIsByValue() {
        PrivateKey key = PrivateKey.generate(new SecureRandom());
        byte[] bytes = key.bytes();
        bytes[0] ^= 1;
        assertThat(key.bytes()).isNotEqualTo(bytes);
        PrivateKey same = PrivateKey.fromBytes(key.bytes());
        assertThat(same).isEqualTo(key).hasSameHashCodeAs(key);
        assertThat(PrivateKey.generate(new SecureRandom())).isNotEqualTo(key);
    }

    @Test
    void publicKeyRoundTripsThroughCompressedAndUncompressedForms() {
        PublicKey key = PrivateKey.generate(new SecureRandom()).publicKey();
        PublicKey fromCompressed = PublicKey.fromBytes(key.compressed());
        PublicKey fromUncompressed = PublicKey.fromBytes(key.uncompressed());
        assertThat(fromCompressed).isEqualTo(key).isEqualTo(fromUncompressed).hasSameHashCodeAs(key);
        assertThat(fromCompressed.uncompressed()).isEqualTo(key.uncompressed());
        assertThat(fromUncompressed.compressed()).isEqualTo(key.compressed());
        assertThat(key.compressed()).hasSize(33);
        assertThat(key.uncompressed()).hasSize(65).startsWith(0x04);
        assertThat(PublicKey.fromHex(Hashes.hex(key.compressed()))).isEqualTo(key);
        assertThat(key.toString()).isEqualTo("PublicKey[0x" + Hashes.hex(key.compressed()) + "]");
    }

    @Test
    void publicKeyNotOnTheCurveIsRejected() {
        byte[] uncompressed = PrivateKey.fromHex(
                "4f3edf983ac636a65a842ce7c78d9aa706d3b113bce9c46f30d7d21715b23b1d").publicKey().uncompressed();
        uncompressed[64] ^= 1; // change y: (x, y') is not on the curve
        assertThatThrownBy(() -> PublicKey.fromBytes(uncompressed))
                .isInstanceOf(InvalidKeyException.class).hasMessageContaining("not a point on the secp256k1 curve");
        // x = 5: x^3 + 7 = 132 is not a square mod p, so no point has this x coordinate
        byte[] compressed = new byte[33];
        compressed[0] = 0x02;
        compressed[32] = 5;
        assertThatThrownBy(() -> PublicKey.fromBytes(compressed)).isInstanceOf(InvalidKeyException.class);
        // x = p (not a field element)
        byte[] tooLarge = Hashes.unhex("02fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2f");
        assertThatThrownBy(() -> PublicKey.fromBytes(tooLarge)).isInstanceOf(InvalidKeyException.class);
    }

    @Test
    void publicKeyOfWrongLengthPrefixOrInfinityIsRejected() {
        assertThatThrownBy(() -> PublicKey.fromBytes(new byte[] {0x00}))
                .isInstanceOf(InvalidKeyException.class).hasMessageContaining("33 bytes");
        assertThatThrownBy(() -> PublicKey.fromBytes(new byte[64]))
                .isInstanceOf(InvalidKeyException.class).hasMessageContaining("got 64 bytes");
        byte[] wrongPrefix = PrivateKey.generate(new SecureRandom()).publicKey().uncompressed();
        wrongPrefix[0] = 0x06; // hybrid encoding is not accepted
        assertThatThrownBy(() -> PublicKey.fromBytes(wrongPrefix)).isInstanceOf(InvalidKeyException.class);
        assertThatThrownBy(() -> PublicKey.fromBytes(new byte[65])).isInstanceOf(InvalidKeyException.class);
        assertThatThrownBy(() -> PublicKey.fromBytes(null)).isInstanceOf(InvalidKeyException.class);
    }
}

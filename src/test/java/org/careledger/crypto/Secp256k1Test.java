package org.careledger.crypto;

import java.math.BigInteger;

import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.util.BigIntegers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.quicktheories.core.Gen;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.careledger.Generators.byteArrays;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;

class Secp256k1Test {

    private static final PrivateKey KEY_ONE = PrivateKey.fromBytes(
            BigIntegers.asUnsignedByteArray(32, BigInteger.ONE));

    /**
     * RFC 6979 secp256k1/SHA-256 vectors, message hashed with SHA-256, s in low-s form. Source:
     * decred/dcrd dcrec/secp256k1/signature_test.go, TestRFC6979Compat, which takes them from
     * trezor-crypto tests and oleganza/CoreBitcoin BTCKey+Tests.m (originally bitcointalk topic
     * 285142). The second one has a high s before normalisation.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "cca9fbcc1b41e5a95d369eaa6ddcff73b61a4efaa279cfc6567e8daa39cbaf50|sample|"
                + "af340daf02cc15c8d5d08d7735dfe6b98a474ed373bdb5fbecf7571be52b3842|"
                + "5009fb27f37034a9b24b707b7c6b79ca23ddef9e25f7282e8a797efe53a8f124",
        "0000000000000000000000000000000000000000000000000000000000000001|Satoshi Nakamoto|"
                + "934b1ea10a4b3c1757e2b0c017d0b6143ce3c9a7e6a4a49860d7a6ab210ee3d8|"
                + "2442ce9d2b916064108014783e923ec36b49743e2ffa1c4496f01a512aafd9e5",
        "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364140|Satoshi Nakamoto|"
                + "fd567d121db66e382991534ada77a6bd3106f0a1098c231e47993447cd6af2d0|"
                + "6b39cd0eb1bc8603e159ef5c20a5c8ad685a45b06ce9bebed3f153d10d93bed5",
        "f8b8af8ce3c7cca5e300d33939540c10d45ce001b8f252bfbc57ba0342904181|Alan Turing|"
                + "7063ae83e7f62bbb171798131b4a0564b956930092b33b07b395615d9ec7e15c|"
                + "58dfcc1e00a35e1572f366ffe34ba0fc47db1e7189759b9fb233c5b05ab388ea",
        "0000000000000000000000000000000000000000000000000000000000000001|"
                + "All those moments will be lost in time, like tears in rain. Time to die...|"
                + "8600dbd41e348fe5c9465ab92d23e3db8b98b873beecd930736488696438cb6b|"
                + "547fe64427496db33bf66019dacbf0039c04199abb0122918601db38a72cfc21",
        "e91671c46231f833a6406ccbea0e3e392c76c167bac1cb013f6f1013980455c2|"
                + "There is a computer disease that anybody who works with computers knows about. "
                + "It's a very serious disease and it interferes completely with the work. "
                + "The trouble with computers is that you 'play' with them!|"
                + "b552edd27580141f3b2a5463048cb7cd3e047b97c9f98076c32dbdf85a68718b|"
                + "279fa72dd19bfae05577e06c7c0c1900c371fcd5893f7e1d56a37d30174671f6"})
    void signingMatchesPublishedRfc6979Vectors(String key, String message, String r, String s) {
        PrivateKey privateKey = PrivateKey.fromHex(key);
        byte[] hash = Hashes.sha256(message.getBytes(US_ASCII));
        Signature signature = Secp256k1.sign(privateKey, hash);
        assertThat(signature.r()).isEqualTo(new BigInteger(r, 16));
        assertThat(signature.s()).isEqualTo(new BigInteger(s, 16));
        assertThat(Secp256k1.verify(privateKey.publicKey(), hash, signature)).isTrue();
        assertThat(Secp256k1.recover(hash, signature)).isEqualTo(privateKey.publicKey());
    }

    @Test
    void nonceGeneratorMatchesRfc6979AppendixA25OnP256() {
        // RFC 6979 A.2.5: P-256, SHA-256, message "sample"
        X9ECParameters p256 = CustomNamedCurves.getByName("secp256r1");
        BigInteger x = new BigInteger("C9AFA9D845BA75166B5C215767B1D6934E50C3DB36E89B127B8A622B120F6721", 16);
        HMacDSAKCalculator k = new HMacDSAKCalculator(new SHA256Digest());
        k.init(p256.getN(), x, Hashes.sha256("sample".getBytes(US_ASCII)));
        assertThat(k.nextK()).isEqualTo(
                new BigInteger("A6E3C57DD01ABE90086538398355DD4C3B17AA873382B0F24D6129493D8AAD60", 16));
    }

    @Test
    void nonceGeneratorMatchesPublishedSecp256k1Nonce() {
        // same source as signingMatchesPublishedRfc6979Vectors: key 1, "Satoshi Nakamoto"
        HMacDSAKCalculator k = new HMacDSAKCalculator(new SHA256Digest());
        k.init(Secp256k1.N, BigInteger.ONE, Hashes.sha256("Satoshi Nakamoto".getBytes(US_ASCII)));
        assertThat(k.nextK()).isEqualTo(
                new BigInteger("8f8a276c19f4149656b280621e358cce24f5f52542772691ee69063b74f15d15", 16));
    }

    @Test
    void signingTheSameHashTwiceGivesTheSameSignature() {
        byte[] hash = Hashes.keccak256("CareLedger".getBytes(US_ASCII));
        PrivateKey key = DevAccounts.ganacheAccount(0);
        assertThat(Secp256k1.sign(key, hash)).isEqualTo(Secp256k1.sign(key, hash));
    }

    @Test
    void highSTwinOfAValidSignatureIsRejected() {
        byte[] hash = Hashes.sha256("Satoshi Nakamoto".getBytes(US_ASCII));
        Signature low = Secp256k1.sign(KEY_ONE, hash);
        byte[] high = low.toBytes();
        System.arraycopy(BigIntegers.asUnsignedByteArray(32, Secp256k1.N.subtract(low.s())), 0, high, 32, 32);
        high[64] ^= 1; // the twin recovers with the other parity
        assertThatThrownBy(() -> Signature.fromBytes(high))
                .isInstanceOf(InvalidSignatureException.class).hasMessageContaining("low-s");
        assertThat(Secp256k1.verify(KEY_ONE.publicKey(), hash, high)).isFalse();
        assertThat(Secp256k1.verify(KEY_ONE.publicKey(), hash, low.toBytes())).isTrue();
    }

    @Test
    void verificationFailsForAnotherKeyOrAChangedHash() {
        byte[] hash = Hashes.keccak256("consent #42".getBytes(US_ASCII));
        PrivateKey signer = DevAccounts.ganacheAccount(1);
        Signature signature = Secp256k1.sign(signer, hash);
        assertThat(Secp256k1.verify(signer.publicKey(), hash, signature)).isTrue();
        assertThat(Secp256k1.verify(DevAccounts.ganacheAccount(2).publicKey(), hash, signature)).isFalse();
        byte[] changed = hash.clone();
        changed[31] ^= 1;
        assertThat(Secp256k1.verify(signer.publicKey(), changed, signature)).isFalse();
        assertThat(Secp256k1.recover(changed, signature)).isNotEqualTo(signer.publicKey());
    }

    @Test
    void messageHashThatIsNot32BytesIsRejected() {
        Signature signature = Secp256k1.sign(KEY_ONE, new byte[32]);
        assertThatThrownBy(() -> Secp256k1.sign(KEY_ONE, new byte[31]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> Secp256k1.verify(KEY_ONE.publicKey(), new byte[33], signature))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Secp256k1.recover(new byte[0], signature))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void signatureWhoseRIsNotOnTheCurveCannotBeRecovered() {
        // r = 5 is not the x coordinate of any point (5^3 + 7 is not a square mod p)
        Signature signature = Signature.of(BigInteger.valueOf(5), BigInteger.ONE, 0);
        assertThatThrownBy(() -> Secp256k1.recover(new byte[32], signature))
                .isInstanceOf(InvalidSignatureException.class)
                .hasMessageContaining("does not correspond to any public key");
        assertThat(Secp256k1.verify(KEY_ONE.publicKey(), new byte[32], signature)).isFalse();
    }

    @Test
    void signVerifyAndRecoverAgreeForAnyKeyAndHash() {
        qt().withExamples(50)
                .forAll(privateScalars(), byteArrays(32, 32))
                .checkAssert((d, hash) -> {
                    PrivateKey key = PrivateKey.fromBytes(BigIntegers.asUnsignedByteArray(32, d));
                    Signature signature = Secp256k1.sign(key, hash);
                    assertThat(signature.s()).isLessThanOrEqualTo(Secp256k1.HALF_N);
                    assertThat(Secp256k1.verify(key.publicKey(), hash, signature)).isTrue();
                    assertThat(Secp256k1.recover(hash, signature).address()).isEqualTo(key.address());
                    assertThat(Signature.fromBytes(signature.toBytes())).isEqualTo(signature);
                });
    }

    /**
     * Every valid private scalar, 1 to n - 1: 32 random bytes taken modulo n - 1 and counted up from
     * 1 or down from n - 1, so shrinking, which drives the bytes towards zero, ends at either end.
     */
    private static Gen<BigInteger> privateScalars() {
        BigInteger largest = Secp256k1.N.subtract(BigInteger.ONE);
        return booleans().all().zip(byteArrays(32, 32), (fromTop, bytes) -> {
            BigInteger offset = new BigInteger(1, bytes).mod(largest);
            return fromTop ? largest.subtract(offset) : BigInteger.ONE.add(offset);
        });
    }
}

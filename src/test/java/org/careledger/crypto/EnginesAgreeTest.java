package org.careledger.crypto;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.careledger.Generators.byteArrays;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;

import java.math.BigInteger;
import java.util.List;

import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.BigIntegers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.quicktheories.core.Gen;

/**
 * libsecp256k1 and BouncyCastle give the same signatures, keys and verdicts: the published vectors
 * on both, and properties over random keys, hashes and broken inputs, each compared across the two
 * (100 tries a property).
 */
class EnginesAgreeTest {

    private static final int TRIES = 100;
    private static final EcdsaEngine JAVA = BouncyCastleEngine.INSTANCE;
    private static EcdsaEngine lib;

    @BeforeAll
    static void loadTheNativeEngine() {
        lib = NativeEngineForTests.load();
    }

    /** The same RFC 6979 vectors as {@code Secp256k1Test}, through each engine: same r, s and recovered key. */
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
    void bothEnginesSignThePublishedVectors(String key, String message, String r, String s) {
        byte[] hash = Hashes.sha256(message.getBytes(US_ASCII));
        for (EcdsaEngine engine : List.of(JAVA, lib)) {
            PrivateKey privateKey = PrivateKey.fromHex(key);
            Signature signature = Secp256k1.sign(engine, privateKey, hash);
            assertThat(signature.r()).as(engine.provider().label()).isEqualTo(new BigInteger(r, 16));
            assertThat(signature.s()).as(engine.provider().label()).isEqualTo(new BigInteger(s, 16));
            assertThat(Secp256k1.verify(engine, privateKey.publicKey(), hash, signature)).isTrue();
            assertThat(Secp256k1.recover(engine, hash, signature)).isEqualTo(privateKey.publicKey());
            assertThat(engine.publicKey(privateKey)).isEqualTo(privateKey.publicKey());
        }
    }

    @Test
    void bothEnginesSignAlikeAndDeriveTheSameKeyForAnyKeyAndHash() {
        qt().withExamples(TRIES)
                .forAll(privateScalars(), byteArrays(32, 32))
                .checkAssert((d, hash) -> {
                    PrivateKey key = PrivateKey.fromBytes(BigIntegers.asUnsignedByteArray(32, d));
                    PublicKey javaKey = JAVA.publicKey(key);
                    assertThat(lib.publicKey(key)).isEqualTo(javaKey);
                    Signature javaSignature = Secp256k1.sign(JAVA, key, hash);
                    Signature libSignature = Secp256k1.sign(lib, key, hash);
                    assertThat(libSignature).isEqualTo(javaSignature);
                    assertThat(Secp256k1.verify(JAVA, javaKey, hash, libSignature)).isTrue();
                    assertThat(Secp256k1.verify(lib, javaKey, hash, javaSignature)).isTrue();
                    assertThat(Secp256k1.recover(lib, hash, javaSignature)).isEqualTo(javaKey);
                });
    }

    @Test
    void bothEnginesGiveTheSameVerdictOnAnyAlteredSignature() {
        PrivateKey signer = DevAccounts.ganacheAccount(3);
        qt().withExamples(TRIES)
                .forAll(byteArrays(32, 32), integers().between(0, 64 * 8 - 1), alteredScalars())
                .checkAssert((hash, bit, replacement) -> {
                    Signature good = Secp256k1.sign(JAVA, signer, hash);
                    byte[] raw = good.toBytes();
                    raw[bit / 8] ^= (byte) (1 << (bit % 8)); // one bit of r or s flipped
                    checkSameVerdict(signer.publicKey(), hash, raw);
                    byte[] replaced = good.toBytes(); // r or s replaced by an edge value: 0, 1, n/2, n/2+1, n-1, n, 2^256-1
                    System.arraycopy(BigIntegers.asUnsignedByteArray(32, replacement), 0, replaced, bit < 256 ? 0 : 32, 32);
                    checkSameVerdict(signer.publicKey(), hash, replaced);
                    byte[] otherHash = hash.clone();
                    otherHash[bit % 32] ^= 1;
                    assertThat(Secp256k1.verify(lib, signer.publicKey(), otherHash, good))
                            .isEqualTo(Secp256k1.verify(JAVA, signer.publicKey(), otherHash, good)).isFalse();
                });
    }

    @Test
    void bothEnginesRejectTheHighSTwinAndOutOfRangeValues() {
        byte[] hash = Hashes.sha256("Satoshi Nakamoto".getBytes(US_ASCII));
        PrivateKey key = PrivateKey.fromHex("01".repeat(32));
        Signature low = Secp256k1.sign(JAVA, key, hash);
        BigInteger n = Secp256k1.N;
        for (EcdsaEngine engine : List.of(JAVA, lib)) {
            byte[] high = wire(low.r(), n.subtract(low.s()), low.v() ^ 1);
            assertThat(verifyWire(engine, key.publicKey(), hash, high)).as("high s, " + engine.provider()).isFalse();
            for (BigInteger bad : List.of(BigInteger.ZERO, n, n.add(BigInteger.ONE), BigInteger.TWO.pow(256).subtract(BigInteger.ONE))) {
                assertThat(verifyWire(engine, key.publicKey(), hash, wire(bad, low.s(), 0))).as("r = " + bad).isFalse();
                assertThat(verifyWire(engine, key.publicKey(), hash, wire(low.r(), bad, 0))).as("s = " + bad).isFalse();
            }
            assertThat(verifyWire(engine, key.publicKey(), hash, low.toBytes())).isTrue();
        }
    }

    @Test
    void bothEnginesParseTheSameKeysAndRejectTheSameMalformedOnes() {
        qt().withExamples(TRIES)
                .forAll(privateScalars(), booleans().all(), integers().between(0, 64 * 8 - 1))
                .checkAssert((d, compressed, bit) -> {
                    PublicKey key = JAVA.publicKey(PrivateKey.fromBytes(BigIntegers.asUnsignedByteArray(32, d)));
                    byte[] encoded = compressed ? key.compressed() : key.uncompressed();
                    assertThat(lib.parsePublicKey(encoded)).isEqualTo(JAVA.parsePublicKey(encoded)).isEqualTo(key);
                    byte[] broken = encoded.clone();
                    int position = 1 + (bit / 8) % (encoded.length - 1);
                    broken[position] ^= (byte) (1 << (bit % 8)); // mostly off the curve; a compressed x may name another point
                    assertThat(lib.parsePublicKey(broken)).isEqualTo(JAVA.parsePublicKey(broken));
                });
    }

    @Test
    void keysOffTheCurveOrBeyondTheFieldAreRejectedByBoth() {
        byte[] p = BigIntegers.asUnsignedByteArray(32, Secp256k1.DOMAIN.getCurve().getField().getCharacteristic());
        byte[] compressedAtP = concat(new byte[] {0x02}, p);
        byte[] offCurve = concat(new byte[] {0x04}, concat(BigIntegers.asUnsignedByteArray(32, BigInteger.ONE),
                BigIntegers.asUnsignedByteArray(32, BigInteger.ONE)));
        byte[] xNotOnCurve = concat(new byte[] {0x02}, BigIntegers.asUnsignedByteArray(32, BigInteger.valueOf(5)));
        for (byte[] encoded : List.of(compressedAtP, offCurve, xNotOnCurve)) {
            assertThat(JAVA.parsePublicKey(encoded)).isNull();
            assertThat(lib.parsePublicKey(encoded)).isNull();
        }
        assertThatThrownBy(() -> PublicKey.fromBytes(offCurve)).isInstanceOf(InvalidKeyException.class);
        assertThatThrownBy(() -> PublicKey.fromBytes(new byte[] {0x00})).isInstanceOf(InvalidKeyException.class); // infinity
        assertThatThrownBy(() -> PublicKey.fromBytes(new byte[65])).isInstanceOf(InvalidKeyException.class);
    }

    /**
     * A signature whose recovery lands on the point at infinity: with R = kG, r = x(R) and a hash
     * e = s·k, r⁻¹(sR − eG) is the point at infinity, which is nobody's key. Both engines refuse it.
     */
    @Test
    void aSignatureRecoveringToThePointAtInfinityRecoversNoKeyOnEither() {
        BigInteger k = new BigInteger("3c4f2b1a99", 16);
        ECPoint bigR = Secp256k1.DOMAIN.getG().multiply(k).normalize();
        BigInteger r = bigR.getAffineXCoord().toBigInteger().mod(Secp256k1.N);
        BigInteger s = BigInteger.valueOf(12345);
        byte[] hash = BigIntegers.asUnsignedByteArray(32, s.multiply(k).mod(Secp256k1.N));
        int v = bigR.getAffineYCoord().testBitZero() ? 1 : 0;
        Signature signature = Signature.of(r, s, v);
        for (EcdsaEngine engine : List.of(JAVA, lib)) {
            assertThatThrownBy(() -> Secp256k1.recover(engine, hash, signature))
                    .as(engine.provider().label()).isInstanceOf(InvalidSignatureException.class);
        }
        Signature other = Signature.of(r, s, v ^ 1); // the other parity recovers a real key, the same on both
        assertThat(Secp256k1.recover(lib, hash, other)).isEqualTo(Secp256k1.recover(JAVA, hash, other));
    }

    private static void checkSameVerdict(PublicKey key, byte[] hash, byte[] raw) {
        assertThat(verifyWire(lib, key, hash, raw)).isEqualTo(verifyWire(JAVA, key, hash, raw));
    }

    /** As {@link Secp256k1#verify(PublicKey, byte[], byte[])}, through {@code engine}: v is ignored by verification. */
    private static boolean verifyWire(EcdsaEngine engine, PublicKey key, byte[] hash, byte[] raw) {
        BigInteger r = new BigInteger(1, java.util.Arrays.copyOfRange(raw, 0, 32));
        BigInteger s = new BigInteger(1, java.util.Arrays.copyOfRange(raw, 32, 64));
        Signature signature;
        try {
            signature = Signature.of(r, s, 0);
        } catch (InvalidSignatureException e) {
            // what Signature refuses never reaches an engine: the raw engine must refuse it too when asked
            if (Secp256k1.inRange(r) && Secp256k1.inRange(s)) {
                assertThat(engine.verify(key, hash, r, s)).as("a high s is refused by the engine itself").isFalse();
            }
            return false;
        }
        return Secp256k1.verify(engine, key, hash, signature);
    }

    private static byte[] wire(BigInteger r, BigInteger s, int v) {
        byte[] out = new byte[65];
        System.arraycopy(BigIntegers.asUnsignedByteArray(32, r), 0, out, 0, 32);
        System.arraycopy(BigIntegers.asUnsignedByteArray(32, s), 0, out, 32, 32);
        out[64] = (byte) v;
        return out;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** Edge values for r or s: 0, 1, n/2, n/2 + 1, n - 1, n, 2^256 - 1. */
    private static Gen<BigInteger> alteredScalars() {
        BigInteger n = Secp256k1.N;
        List<BigInteger> edges = List.of(BigInteger.ZERO, BigInteger.ONE, Secp256k1.HALF_N, Secp256k1.HALF_N.add(BigInteger.ONE),
                n.subtract(BigInteger.ONE), n, BigInteger.TWO.pow(256).subtract(BigInteger.ONE));
        return integers().between(0, edges.size() - 1).map(edges::get);
    }

    /** Every valid private scalar, 1 to n - 1, shrinking towards either end. */
    private static Gen<BigInteger> privateScalars() {
        BigInteger largest = Secp256k1.N.subtract(BigInteger.ONE);
        return booleans().all().zip(byteArrays(32, 32), (fromTop, bytes) -> {
            BigInteger offset = new BigInteger(1, bytes).mod(largest);
            return fromTop ? largest.subtract(offset) : BigInteger.ONE.add(offset);
        });
    }
}

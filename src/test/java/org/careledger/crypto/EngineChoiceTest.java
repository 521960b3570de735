package org.careledger.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

class EngineChoiceTest {

    private final List<String> logged = new ArrayList<>();

    /** The native library made unavailable, as on another OS or a JVM whose temporary directory is mounted noexec. */
    private static final Supplier<EcdsaEngine> UNAVAILABLE = () -> {
        throw new UnsatisfiedLinkError("/tmp/secp256k1-jni.so: failed to map segment from shared object");
    };

    @Test
    void withoutTheNativeLibraryBouncyCastleSignsAndTheLogSaysWhyInOneLine() {
        EcdsaEngine engine = EngineChoice.choose(null, UNAVAILABLE, logged::add);

        assertThat(engine.provider()).isEqualTo(CryptoProvider.BOUNCYCASTLE);
        assertThat(logged).containsExactly("secp256k1 signatures by BouncyCastle (pure Java): fallback: libsecp256k1 does not load"
                + " here (UnsatisfiedLinkError: /tmp/secp256k1-jni.so: failed to map segment from shared object)");
        PrivateKey key = DevAccounts.ganacheAccount(0);
        byte[] hash = Hashes.keccak256(new byte[] {1});
        assertThat(Secp256k1.verify(engine, key.publicKey(), hash, Secp256k1.sign(engine, key, hash))).isTrue();
    }

    @Test
    void autoTakesTheNativeLibraryWhenItLoads() {
        EcdsaEngine engine = EngineChoice.choose("auto", NativeEngineForTests::load, logged::add);

        assertThat(engine.provider()).isEqualTo(CryptoProvider.NATIVE);
        assertThat(logged).singleElement().asString().startsWith("secp256k1 signatures by libsecp256k1 (native, JNI): its native library loaded");
    }

    @Test
    void bouncyCastleCanBeForcedWithoutTouchingTheNativeLibrary() {
        EcdsaEngine engine = EngineChoice.choose("BouncyCastle", () -> {
            throw new AssertionError("the native library must not be loaded");
        }, logged::add);

        assertThat(engine).isSameAs(BouncyCastleEngine.INSTANCE);
        assertThat(logged).containsExactly("secp256k1 signatures by BouncyCastle (pure Java): forced by CARELEDGER_CRYPTO_PROVIDER=bouncycastle");
    }

    @Test
    void forcingNativeWhereItDoesNotLoadStopsTheStartWithTheReason() {
        assertThatThrownBy(() -> EngineChoice.choose("native", UNAVAILABLE, logged::add))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("CARELEDGER_CRYPTO_PROVIDER=native, but libsecp256k1 does not load here: UnsatisfiedLinkError");
    }

    @Test
    void anUnknownSettingIsRefusedWithTheValuesItTakes() {
        assertThatThrownBy(() -> EngineChoice.choose("openssl", UNAVAILABLE, logged::add))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("CARELEDGER_CRYPTO_PROVIDER must be auto, native or bouncycastle, not 'openssl'");
    }

    @Test
    void thisProcessUsesTheNativeLibraryUnlessToldOtherwise() {
        String setting = EngineChoice.setting();
        CryptoProvider expected = setting == null || setting.equalsIgnoreCase("auto")
                ? NativeEngineForTests.load().provider() : CryptoProvider.fromSetting(setting);
        assertThat(Secp256k1.provider()).isEqualTo(expected);
    }
}

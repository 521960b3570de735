package org.careledger.crypto;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Picks the {@link EcdsaEngine} of this process once, at first use, and says which in one log line:
 * libsecp256k1 when its native library loads, BouncyCastle when it does not (another OS or
 * architecture, a temporary directory the JVM may not load libraries from, a locked-down JVM), or
 * whichever {@link CryptoProvider#ENVIRONMENT_VARIABLE} forces. Forcing {@code native} where the
 * library does not load is a configuration error and stops the start, rather than running slower
 * than asked without anyone noticing.
 */
final class EngineChoice {

    private static final System.Logger log = System.getLogger(EngineChoice.class.getName());

    /** This process's engine. */
    static final EcdsaEngine CURRENT = choose(setting(), LibSecp256k1Engine::load,
            line -> log.log(System.Logger.Level.INFO, line));

    private EngineChoice() {
    }

    /** The system property if set, else the environment variable, else null (auto). */
    static String setting() {
        String property = System.getProperty(CryptoProvider.SYSTEM_PROPERTY);
        return property != null ? property : System.getenv(CryptoProvider.ENVIRONMENT_VARIABLE);
    }

    /**
     * The engine {@code setting} asks for ({@code auto}/null, {@code native}, {@code bouncycastle}),
     * loading the native one with {@code loadNative}; tells {@code report} the choice and its reason
     * in one line.
     *
     * @throws IllegalStateException if {@code native} is forced and does not load
     * @throws IllegalArgumentException if the setting names no provider
     */
    static EcdsaEngine choose(String setting, Supplier<? extends EcdsaEngine> loadNative, Consumer<String> report) {
        CryptoProvider forced = CryptoProvider.fromSetting(setting);
        if (forced == CryptoProvider.BOUNCYCASTLE) {
            report.accept(line(CryptoProvider.BOUNCYCASTLE, "forced by " + CryptoProvider.ENVIRONMENT_VARIABLE + "=bouncycastle"));
            return BouncyCastleEngine.INSTANCE;
        }
        try {
            EcdsaEngine engine = loadNative.get();
            report.accept(line(engine.provider(), forced == null
                    ? "its native library loaded; " + CryptoProvider.ENVIRONMENT_VARIABLE + "=bouncycastle forces the pure-Java one"
                    : "forced by " + CryptoProvider.ENVIRONMENT_VARIABLE + "=native"));
            return engine;
        } catch (RuntimeException | LinkageError e) {
            if (forced == CryptoProvider.NATIVE) {
                throw new IllegalStateException(CryptoProvider.ENVIRONMENT_VARIABLE + "=native, but libsecp256k1 does not load here: "
                        + describe(e), e);
            }
            report.accept(line(CryptoProvider.BOUNCYCASTLE, "fallback: libsecp256k1 does not load here (" + describe(e) + ")"));
            return BouncyCastleEngine.INSTANCE;
        }
    }

    private static String line(CryptoProvider provider, String reason) {
        return "secp256k1 signatures by " + provider.label() + ": " + reason;
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}

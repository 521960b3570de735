package org.careledger.crypto;

import java.util.Locale;

/**
 * Who computes secp256k1 signatures in this process: Bitcoin Core's libsecp256k1 through ACINQ's JNI
 * binding where its native library loads (about three times faster), BouncyCastle's pure Java
 * everywhere else. Chosen once, at first use of {@link Secp256k1}, from
 * {@code CARELEDGER_CRYPTO_PROVIDER} ({@code auto}, the default, {@code native} or
 * {@code bouncycastle}; the system property {@code careledger.crypto.provider} wins over it).
 */
public enum CryptoProvider {

    /** BouncyCastle's low-level secp256k1: pure Java, runs on every JVM. */
    BOUNCYCASTLE("bouncycastle", "BouncyCastle (pure Java)"),

    /** libsecp256k1 through its JNI binding: needs the native library for this OS and architecture. */
    NATIVE("native", "libsecp256k1 (native, JNI)");

    /** The environment variable that forces a provider. */
    public static final String ENVIRONMENT_VARIABLE = "CARELEDGER_CRYPTO_PROVIDER";

    /** The system property that forces a provider; it wins over the environment variable. */
    public static final String SYSTEM_PROPERTY = "careledger.crypto.provider";

    private final String setting;
    private final String label;

    CryptoProvider(String setting, String label) {
        this.setting = setting;
        this.label = label;
    }

    /** The value of {@value #ENVIRONMENT_VARIABLE} that forces this provider. */
    public String setting() {
        return setting;
    }

    /** A name for people: {@code libsecp256k1 (native, JNI)}. */
    public String label() {
        return label;
    }

    /** The provider named by a setting, or null for {@code auto} (or nothing). */
    static CryptoProvider fromSetting(String value) {
        if (value == null || value.isBlank() || value.trim().equalsIgnoreCase("auto")) {
            return null;
        }
        String wanted = value.trim().toLowerCase(Locale.ROOT);
        for (CryptoProvider p : values()) {
            if (p.setting.equals(wanted)) {
                return p;
            }
        }
        throw new IllegalArgumentException(ENVIRONMENT_VARIABLE + " must be auto, native or bouncycastle, not '" + value + "'");
    }
}

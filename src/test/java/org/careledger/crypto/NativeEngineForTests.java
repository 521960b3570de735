package org.careledger.crypto;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import java.util.Locale;

/**
 * The libsecp256k1 engine for tests that compare it with BouncyCastle. On Linux x86_64 and aarch64,
 * where the binding ships a library, failing to load it fails the test; elsewhere the test is skipped.
 */
final class NativeEngineForTests {

    private NativeEngineForTests() {
    }

    static EcdsaEngine load() {
        try {
            return LibSecp256k1Engine.load();
        } catch (RuntimeException | LinkageError e) {
            String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
            String arch = System.getProperty("os.arch", "");
            if (os.contains("linux") && (arch.equals("amd64") || arch.equals("x86_64") || arch.equals("aarch64"))) {
                return fail("libsecp256k1 should load on " + os + " " + arch, e);
            }
            return abort("no libsecp256k1 for " + os + " " + arch + ": " + e);
        }
    }
}

package org.careledger.install;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.careledger.crypto.Base64Key;
import org.careledger.crypto.InvalidKeyException;

/**
 * Where the install's master key comes from, read and checked in one place for the portal's start,
 * its pre-flight check and the command line: {@code CARELEDGER_MASTER_KEY} (base64 of 32 bytes),
 * else the file {@code CARELEDGER_MASTER_KEY_FILE} names, else, for a demo install only, the demo
 * key beside the data ({@code <data dir>/keys/master.key}). A key that is given but unusable is a
 * {@link StartupConfigurationException} saying what to set, never a half start.
 */
public final class MasterKeys {

    /** The demo key file, relative to the data directory. */
    public static final Path DEMO_KEY = Path.of("keys", "master.key");

    private MasterKeys() {
    }

    /**
     * The key given by the operator ({@code key} text or {@code keyFile}), checked; empty if neither is
     * set. A key file that is missing or unreadable, or text that is not base64 of 32 bytes, is refused.
     */
    public static Optional<byte[]> given(String key, String keyFile) {
        if (key != null && !key.isBlank()) {
            return Optional.of(decode(key, "CARELEDGER_MASTER_KEY"));
        }
        if (keyFile != null && !keyFile.isBlank()) {
            Path file = Path.of(keyFile);
            return Optional.of(decode(read(file), "the file " + file.toAbsolutePath() + " named by CARELEDGER_MASTER_KEY_FILE"));
        }
        return Optional.empty();
    }

    /** The demo key kept in {@code dataDir}, if a demo start generated one there. */
    public static Optional<byte[]> demo(Path dataDir) {
        Path file = dataDir.resolve(DEMO_KEY);
        return Files.exists(file) ? Optional.of(decode(read(file), "the demo key file " + file.toAbsolutePath())) : Optional.empty();
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new StartupConfigurationException("The master key file " + file.toAbsolutePath() + " cannot be read ("
                    + e.getClass().getSimpleName() + ").",
                    "Check that CARELEDGER_MASTER_KEY_FILE names a readable file holding base64 of 32 random bytes.");
        }
    }

    static byte[] decode(String base64, String source) {
        try {
            return Base64Key.decode(base64, MasterKey.LENGTH);
        } catch (InvalidKeyException e) {
            throw new StartupConfigurationException("The master key in " + source + " " + e.getMessage() + ".",
                    "Give base64 of exactly 32 random bytes, for example the output of 'openssl rand -base64 32'.");
        }
    }
}

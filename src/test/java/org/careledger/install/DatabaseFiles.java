package org.careledger.install;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;

import org.careledger.crypto.KeyDerivation;
import org.h2.tools.ChangeFileEncryption;

/**
 * What the database file holds, for tests that look at the bytes on disk: as they are (encrypted),
 * and decrypted with the master key into a scratch copy, every page of it, old ones included, so
 * that a test can show that a value is sealed inside the database too, or gone after compaction.
 */
public final class DatabaseFiles {

    private DatabaseFiles() {
    }

    /** The file as it lies on disk. */
    public static byte[] raw(Path dataDir) {
        try {
            return Files.readAllBytes(dataDir.resolve(InstallDatabase.FILE_NAME));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The whole file decrypted, page by page (a copy; the database itself is untouched). */
    public static byte[] decrypted(Path dataDir, MasterKey key) {
        try {
            Path scratch = Files.createTempDirectory(dataDir.getParent(), "decrypted-");
            Files.copy(dataDir.resolve(InstallDatabase.FILE_NAME), scratch.resolve(InstallDatabase.FILE_NAME));
            ChangeFileEncryption.execute(scratch.toString(), "portal", "AES", KeyDerivation.databaseFilePassword(key.bytes()), null, true);
            byte[] plain = Files.readAllBytes(scratch.resolve(InstallDatabase.FILE_NAME));
            Files.delete(scratch.resolve(InstallDatabase.FILE_NAME));
            Files.delete(scratch);
            return plain;
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("Could not decrypt a copy of the database in " + dataDir, e);
        }
    }

    /** Whether {@code bytes} hold {@code text} (UTF-8). */
    public static boolean contains(byte[] bytes, String text) {
        return contains(bytes, text.getBytes(StandardCharsets.UTF_8));
    }

    public static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}

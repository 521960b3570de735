package org.careledger.install;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Arrays;

import org.careledger.crypto.KeyDerivation;
import org.h2.mvstore.MVStoreTool;
import org.h2.tools.ChangeFileEncryption;

/**
 * What the database file holds, for tests that look at the bytes on disk: as they are (encrypted),
 * and decrypted with the master key into a scratch copy, every page of it, old ones included, so
 * that a test can show that a value is sealed inside the database too, or gone after compaction.
 *
 * <p>An erasure compacts the database with {@code SHUTDOWN COMPACT}, and H2 writes the compacted
 * file with its pages LZF-compressed: a value written before any erasure of the run is then no
 * longer in the file's bytes as such (a repeated run of three bytes, such as a prefix two licence
 * numbers share, becomes a back-reference). Whether a test that looks for a value ran after an
 * erasure in the shared context depended on the order of the test classes, so the decrypted bytes
 * hold the live data a second time, rewritten uncompressed.
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

    /**
     * The whole file decrypted, page by page (a copy; the database itself is untouched), followed by
     * its live data rewritten without compression.
     */
    public static byte[] decrypted(Path dataDir, MasterKey key) {
        try {
            Path scratch = Files.createTempDirectory(dataDir.getParent(), "decrypted-");
            Path plain = scratch.resolve(InstallDatabase.FILE_NAME);
            Path uncompressed = scratch.resolve("uncompressed.mv.db");
            Files.copy(dataDir.resolve(InstallDatabase.FILE_NAME), plain);
            ChangeFileEncryption.execute(scratch.toString(), "portal", "AES", KeyDerivation.databaseFilePassword(key.bytes()), null, true);
            MVStoreTool.compact(plain.toString(), uncompressed.toString(), false);
            byte[] pages = Files.readAllBytes(plain);
            byte[] live = Files.readAllBytes(uncompressed);
            Files.delete(plain);
            Files.delete(uncompressed);
            Files.delete(scratch);
            byte[] both = Arrays.copyOf(pages, pages.length + live.length);
            System.arraycopy(live, 0, both, pages.length, live.length);
            return both;
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

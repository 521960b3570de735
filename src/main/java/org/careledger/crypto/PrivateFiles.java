package org.careledger.crypto;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Files and folders only their owner may read: the data directory (database, keys, block files)
 * is created 0700 and its files 0600, so other accounts on the server read nothing of it, encrypted
 * or not. On a file system without POSIX permissions these do nothing (the folder's own access
 * control applies).
 */
public final class PrivateFiles {

    public static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    public static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");

    private PrivateFiles() {
    }

    /** Whether this file system has POSIX permissions (Linux, macOS). */
    public static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    /** The attributes to create a file with: owner read and write only. */
    public static FileAttribute<?>[] ownerOnlyFile() {
        return posix() ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_FILE)} : new FileAttribute<?>[0];
    }

    /**
     * Creates {@code dir} and any missing parents below an existing folder, each new one 0700; safe
     * when several threads create the same folders at once (the ledger's nodes open side by side).
     */
    public static Path createDirectories(Path dir) throws IOException {
        Path absolute = dir.toAbsolutePath().normalize();
        if (Files.isDirectory(absolute)) {
            return dir;
        }
        Path parent = absolute.getParent();
        if (parent != null) {
            createDirectories(parent);
        }
        try {
            if (posix()) {
                Files.createDirectory(absolute, PosixFilePermissions.asFileAttribute(OWNER_DIR));
            } else {
                Files.createDirectory(absolute);
            }
        } catch (java.nio.file.FileAlreadyExistsException raced) {
            if (!Files.isDirectory(absolute)) { // another thread made it first: fine if it is a folder
                throw raced;
            }
        }
        return dir;
    }

    /** Creates an empty file 0600 (it must not exist yet). */
    public static Path createFile(Path file) throws IOException {
        return Files.createFile(file, ownerOnlyFile());
    }

    /** Whether group or others may do anything with {@code path}. */
    public static boolean openToOthers(Path path) throws IOException {
        if (!posix()) {
            return false;
        }
        Set<PosixFilePermission> p = Files.getPosixFilePermissions(path);
        return p.stream().anyMatch(x -> x.name().startsWith("GROUP") || x.name().startsWith("OTHERS"));
    }

    /** Makes {@code root} and everything below it owner-only: folders 0700, files 0600. Links are left alone. */
    public static void restrict(Path root) throws IOException {
        if (!posix() || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                if (Files.isSymbolicLink(p)) {
                    continue;
                }
                try {
                    Files.setPosixFilePermissions(p, Files.isDirectory(p) ? OWNER_DIR : OWNER_FILE);
                } catch (java.nio.file.NoSuchFileException gone) {
                    // a temporary file removed while we walked
                }
            }
        }
    }
}

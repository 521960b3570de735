package org.careledger.install;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.careledger.crypto.KeyDerivation;
import org.careledger.crypto.PrivateFiles;
import org.h2.tools.ChangeFileEncryption;

/**
 * The install's H2 database file, {@code <data dir>/portal.mv.db}, encrypted as a whole with H2's
 * own file encryption ({@code CIPHER=AES}): every table, personal data as well as the already sealed
 * health records, is unreadable without the master key. The file password is derived from the master
 * key ({@link KeyDerivation#databaseFilePassword}) at every start and never stored.
 *
 * <p>A database written before the file was encrypted is encrypted in place by
 * {@link #encryptInPlace}, while the portal is stopped: a backup first, H2's
 * {@link ChangeFileEncryption}, then a check that every table holds as many rows as before. Never
 * through {@code SCRIPT TO}, which would write every row in plain text to a file.
 */
public final class InstallDatabase {

    public static final String FILE_NAME = "portal.mv.db";
    public static final String USER = "careledger";
    private static final byte[] ENCRYPTED_HEADER = "H2encrypt\n".getBytes(StandardCharsets.US_ASCII);

    private InstallDatabase() {
    }

    /** Whether a JDBC address names an H2 database, the embedded default (the file checks and encryption apply). */
    public static boolean isH2(String jdbcUrl) {
        return jdbcUrl != null && jdbcUrl.startsWith("jdbc:h2:");
    }

    /** Whether a JDBC address names a PostgreSQL database (the postgres profile): no file of ours, no H2 encryption. */
    public static boolean isPostgres(String jdbcUrl) {
        return jdbcUrl != null && jdbcUrl.startsWith("jdbc:postgresql:");
    }

    /** The JDBC address of an install's database, encrypted. */
    public static String url(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().normalize().resolve("portal") + ";CIPHER=AES";
    }

    /** The password H2 wants for an encrypted file: the file password, a space, then the user's password. */
    public static String password(byte[] masterKey, String userPassword) {
        return new String(KeyDerivation.databaseFilePassword(masterKey)) + " " + (userPassword == null ? "" : userPassword);
    }

    /** Whether the database file exists and is H2-encrypted (it starts with H2's encryption header). */
    public static boolean isEncrypted(Path dbFile) throws IOException {
        byte[] head = new byte[ENCRYPTED_HEADER.length];
        try (InputStream in = Files.newInputStream(dbFile)) {
            return in.readNBytes(head, 0, head.length) == head.length && Arrays.equals(head, ENCRYPTED_HEADER);
        }
    }

    /** Opens the install's encrypted database (for the command line, while the portal is stopped). */
    public static Connection open(Path dataDir, byte[] masterKey) throws SQLException {
        return DriverManager.getConnection(url(dataDir) + ";IFEXISTS=TRUE", USER, password(masterKey, ""));
    }

    /**
     * Encrypts a plain database file in place: refuses while the portal (or anything else) has it
     * open, copies it to a backup beside it, encrypts it, checks that the encrypted file opens with
     * the key and that every table holds as many rows as before, and only then deletes the backup
     * (a plain copy would undo the point). On any failure the backup stays and the message says where.
     *
     * @throws IllegalStateException with a message for the operator when it cannot be done
     */
    public static void encryptInPlace(Path dataDir, byte[] masterKey, PrintStream out) throws IOException, SQLException {
        Path file = dataDir.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            throw new IllegalStateException("There is no database at " + file.toAbsolutePath());
        }
        if (isEncrypted(file)) {
            throw new IllegalStateException("The database " + file.toAbsolutePath() + " is encrypted already");
        }
        if (inUse(file)) {
            throw new IllegalStateException("The database " + file.toAbsolutePath() + " is in use: stop the portal first");
        }
        Map<String, Long> before = rowCounts(plainConnection(dataDir));
        Path backup = file.resolveSibling(FILE_NAME + ".plain-backup-" + Instant.now().toEpochMilli());
        Files.copy(file, backup, StandardCopyOption.COPY_ATTRIBUTES);
        PrivateFiles.restrict(backup);
        out.println("backed up " + file.getFileName() + " to " + backup.getFileName() + " (" + Files.size(file) + " bytes, "
                + before.size() + " tables)");
        char[] filePassword = KeyDerivation.databaseFilePassword(masterKey);
        try {
            ChangeFileEncryption.execute(dataDir.toAbsolutePath().toString(), "portal", "AES", null, filePassword, true);
            Map<String, Long> after;
            try (Connection c = open(dataDir, masterKey)) {
                after = rowCounts(c);
            }
            if (!after.equals(before) || !isEncrypted(file)) {
                throw new IllegalStateException("the encrypted database does not hold what the plain one held: " + before + " then " + after);
            }
        } catch (SQLException | RuntimeException e) {
            throw new IllegalStateException("Encrypting " + file.toAbsolutePath() + " failed (" + e.getMessage() + "); the plain "
                    + "database is kept in " + backup.toAbsolutePath() + ": stop everything, copy it back to " + FILE_NAME
                    + " and try again", e);
        } finally {
            Arrays.fill(filePassword, '\0');
        }
        Files.delete(backup);
        PrivateFiles.restrict(file);
        out.println("encrypted " + file.toAbsolutePath() + " (AES, key derived from the master key); every one of "
                + before.size() + " tables holds the same number of rows; the plain backup is deleted");
    }

    /** Whether a process (this one included) holds H2's lock on the file: the portal is running. */
    private static boolean inUse(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException held) {
            return true;
        }
    }

    /** A connection to the plain file, refused with a plain message while something else has it open. */
    private static Connection plainConnection(Path dataDir) throws SQLException {
        try {
            return DriverManager.getConnection("jdbc:h2:file:" + dataDir.toAbsolutePath().normalize().resolve("portal")
                    + ";IFEXISTS=TRUE", USER, "");
        } catch (SQLException e) {
            if (e.getErrorCode() == 90020) { // DATABASE_ALREADY_OPEN_1
                throw new IllegalStateException("The database is in use: stop the portal first");
            }
            throw e;
        }
    }

    /** Rows per table of the application's schema, to compare before and after; closes the connection. */
    private static Map<String, Long> rowCounts(Connection connection) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = connection; Statement s = c.createStatement()) {
            try (ResultSet tables = s.executeQuery("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC' "
                    + "ORDER BY TABLE_NAME")) {
                while (tables.next()) {
                    counts.put(tables.getString(1), 0L);
                }
            }
            for (String table : counts.keySet()) {
                try (ResultSet r = s.executeQuery("SELECT COUNT(*) FROM \"" + table.replace("\"", "\"\"") + "\"")) {
                    r.next();
                    counts.put(table, r.getLong(1));
                }
            }
        }
        return counts;
    }
}

package org.careledger.identity;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.careledger.install.InstallDatabase;
import org.careledger.install.MasterKeys;
import org.careledger.install.StartupConfigurationException;

/**
 * {@code java -jar careledger.jar admin unlock USER [--data-dir DIR]}: lifts every sign-in throttle of a
 * username (every client's count and the all-clients ceiling) and records it as a security event,
 * with the portal stopped, for an install whose every admin is locked out. There is no exception for
 * sign-ins from the server itself: behind a reverse proxy everyone comes from there. The master key
 * comes from {@code CARELEDGER_MASTER_KEY} or {@code CARELEDGER_MASTER_KEY_FILE}, or a demo directory's
 * own key. Without {@code --data-dir} it works on the directory the portal would use:
 * {@code CARELEDGER_DATA_DIR}, else {@code ./chain-data}. Exit 0 when done, 1 when it could not be done, 2 on a usage error.
 */
public final class AdminCli {

    static final String USAGE = String.join(System.lineSeparator(),
            "usage: admin unlock USER [--data-dir DIR]",
            "      lift the sign-in throttling of USER (the portal must be stopped); the master key is read from",
            "      CARELEDGER_MASTER_KEY or CARELEDGER_MASTER_KEY_FILE, or from DIR/keys/master.key for a demo install;",
            "      DIR defaults to CARELEDGER_DATA_DIR, else ./chain-data, as for the portal");

    private AdminCli() {
    }

    public static boolean isAdminCommand(String[] args) {
        return args.length > 0 && "admin".equals(args[0]);
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        boolean withDir = args.length == 5 && args[3].equals("--data-dir");
        if (!(withDir || args.length == 3) || !args[1].equals("unlock") || args[2].isBlank()) {
            err.println("admin: expected: unlock USER [--data-dir DIR]");
            err.println(USAGE);
            return 2;
        }
        String username = args[2].strip().toLowerCase(Locale.ROOT);
        String dir = withDir ? args[4] : env.getOrDefault("CARELEDGER_DATA_DIR", "").isBlank() ? "chain-data" : env.get("CARELEDGER_DATA_DIR");
        Path dataDir = Path.of(dir).toAbsolutePath().normalize();
        if (!Files.exists(dataDir.resolve(InstallDatabase.FILE_NAME))) {
            err.println("admin: there is no CareLedger database in " + dataDir);
            return 2;
        }
        try {
            Optional<byte[]> key = MasterKeys.given(env.getOrDefault("CARELEDGER_MASTER_KEY", ""), env.getOrDefault("CARELEDGER_MASTER_KEY_FILE", ""))
                    .or(() -> MasterKeys.demo(dataDir));
            if (key.isEmpty()) {
                err.println("admin: no master key: set CARELEDGER_MASTER_KEY or CARELEDGER_MASTER_KEY_FILE to the install's key");
                return 2;
            }
            int lifted = unlock(dataDir, key.get(), username);
            out.println(lifted == 0 ? username + " was not throttled; recorded the unlock anyway"
                    : "unlocked " + username + " (" + lifted + " throttle entr" + (lifted == 1 ? "y" : "ies") + " removed); recorded as a security event");
            return 0;
        } catch (StartupConfigurationException e) {
            err.println("admin: " + e.getMessage() + " " + e.action());
            return 2;
        } catch (SQLException e) {
            err.println("admin: " + (e.getErrorCode() == 90020 ? "the database is in use: stop the portal first" : "could not unlock: " + e.getMessage()));
            return 1;
        }
    }

    private static int unlock(Path dataDir, byte[] key, String username) throws SQLException {
        try (Connection c = InstallDatabase.open(dataDir, key)) {
            c.setAutoCommit(false);
            int removed;
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM login_throttle WHERE username = ?");
                 PreparedStatement event = c.prepareStatement("INSERT INTO security_events (occurred_at, event, username, outcome, actor, client) "
                         + "VALUES (CURRENT_TIMESTAMP, 'UNLOCK', ?, 'unlocked', 'command line', NULL)")) {
                delete.setString(1, username);
                removed = delete.executeUpdate();
                event.setString(1, username);
                event.executeUpdate();
            }
            c.commit();
            return removed;
        }
    }
}

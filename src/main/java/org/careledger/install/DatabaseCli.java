package org.careledger.install;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code java -jar careledger.jar db encrypt --data-dir DIR}: encrypts, in place, a database that an
 * earlier CareLedger wrote without encryption, while the portal is stopped (see
 * {@link InstallDatabase#encryptInPlace}). The master key comes from {@code CARELEDGER_MASTER_KEY} or
 * {@code CARELEDGER_MASTER_KEY_FILE}, as for the portal, or, for a demo data directory, from its demo
 * key. Exit 0 when encrypted, 1 when it could not be done (nothing changed, or the backup kept), 2 on a
 * usage error.
 */
public final class DatabaseCli {

    static final String USAGE = String.join(System.lineSeparator(),
            "usage: db encrypt --data-dir DIR",
            "      encrypt the database in DIR in place (the portal must be stopped); the master key is read from",
            "      CARELEDGER_MASTER_KEY or CARELEDGER_MASTER_KEY_FILE, or from DIR/keys/master.key for a demo install");

    private DatabaseCli() {
    }

    public static boolean isDatabaseCommand(String[] args) {
        return args.length > 0 && "db".equals(args[0]);
    }

    public static void main(String[] args) {
        int code = run(args, System.getenv(), System.out, System.err);
        System.exit(code);
    }

    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        List<String> list = List.of(args);
        if (list.size() != 4 || !list.get(1).equals("encrypt") || !list.get(2).equals("--data-dir")) {
            err.println("db: " + (list.size() < 2 ? "missing command" : "expected: encrypt --data-dir DIR"));
            err.println(USAGE);
            return 2;
        }
        Path dataDir = Path.of(list.get(3)).toAbsolutePath().normalize();
        if (!Files.isDirectory(dataDir)) {
            err.println("db: " + dataDir + " is not a directory");
            return 2;
        }
        try {
            Optional<byte[]> key = MasterKeys.given(env.getOrDefault("CARELEDGER_MASTER_KEY", ""), env.getOrDefault("CARELEDGER_MASTER_KEY_FILE", ""))
                    .or(() -> MasterKeys.demo(dataDir));
            if (key.isEmpty()) {
                err.println("db: no master key: set CARELEDGER_MASTER_KEY or CARELEDGER_MASTER_KEY_FILE to the install's key");
                return 2;
            }
            InstallDatabase.encryptInPlace(dataDir, key.get(), out);
            return 0;
        } catch (StartupConfigurationException e) {
            err.println("db: " + e.getMessage() + " " + e.action());
            return 2;
        } catch (IllegalStateException e) {
            err.println("db: " + e.getMessage());
            return 1;
        } catch (Exception e) {
            err.println("db: encrypting failed: " + e);
            return 1;
        }
    }
}

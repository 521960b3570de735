package org.careledger.node;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

import org.careledger.crypto.Address;
import org.careledger.crypto.CryptoException;
import org.careledger.crypto.KeyWrap;
import org.careledger.crypto.PrivateFiles;
import org.careledger.crypto.PrivateKey;
import org.careledger.install.MasterKey;
import org.careledger.install.StartupConfigurationException;

/**
 * The install's own ledger keys (each node's sealer key, the treasury key), each in a file
 * {@code <data dir>/keys/ledger-<name>.key} readable by the owner only: the address on the first
 * line, then the private key wrapped under the master key, bound to its name and address. A key
 * never appears in a log or a message; only its address does.
 */
final class LedgerKeys {

    private static final String PURPOSE = "careledger:ledger-key:v1:";

    private final Path directory;
    private final MasterKey masterKey;

    LedgerKeys(Path dataDir, MasterKey masterKey) {
        this.directory = dataDir.resolve("keys");
        this.masterKey = masterKey;
    }

    Path file(String name) {
        return directory.resolve("ledger-" + name + ".key");
    }

    boolean exists(String name) {
        return Files.exists(file(name));
    }

    /** Generates a key, stores it wrapped (mode 600), and returns it. */
    PrivateKey create(String name, SecureRandom random) {
        PrivateKey key = PrivateKey.generate(random);
        String address = key.address().toString();
        byte[] wrapped = KeyWrap.wrap(masterKey.bytes(), key.bytes(), PURPOSE + name + ":" + address);
        Path file = file(name);
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            PrivateFiles.createDirectories(directory);
            Files.deleteIfExists(tmp);
            PrivateFiles.createFile(tmp);
            Files.write(tmp, List.of(address, Base64.getEncoder().encodeToString(wrapped)), StandardCharsets.US_ASCII);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store the ledger key " + name + " in " + directory.toAbsolutePath(), e);
        }
        return key;
    }

    /**
     * Reads and unwraps a stored key.
     *
     * @throws StartupConfigurationException if it is missing, damaged, or wrapped under another master key
     */
    PrivateKey load(String name) {
        Path file = file(name);
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
            if (lines.size() < 2) {
                throw new IllegalArgumentException("it has no wrapped key");
            }
            Address address = Address.parse(lines.get(0).strip());
            byte[] wrapped = Base64.getDecoder().decode(lines.get(1).strip());
            PrivateKey key = PrivateKey.fromBytes(KeyWrap.unwrap(masterKey.bytes(), wrapped, PURPOSE + name + ":" + address));
            if (!key.address().equals(address)) {
                throw new IllegalArgumentException("it holds the key of another address");
            }
            return key;
        } catch (IOException e) {
            throw new StartupConfigurationException("The ledger key file " + file.toAbsolutePath() + " cannot be read ("
                    + e.getClass().getSimpleName() + ").", "Restore it from the backup of the data directory.");
        } catch (CryptoException | IllegalArgumentException e) {
            throw new StartupConfigurationException("The ledger key file " + file.toAbsolutePath() + " does not unwrap: "
                    + e.getMessage() + ".", "Start with the master key this data directory was created with, or restore the file from a backup.");
        }
    }
}

package org.careledger.node;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.careledger.contracts.Contracts;
import org.careledger.contracts.DevConsortium;
import org.careledger.crypto.PrivateKey;
import org.careledger.install.MasterKey;
import org.careledger.install.StartupConfigurationException;
import org.careledger.ledger.Genesis;
import org.careledger.ledger.GenesisJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which chain this install runs and with which keys: the genesis, one sealer key per node (the
 * first node is the portal's home), and the treasury's key.
 *
 * <p>A demo install runs the dev consortium ({@link DevConsortium}: public Ganache keys, the
 * treasury is dev account 4). Any other install makes a chain of its own at its first start: it
 * generates a sealer key for each of the nodes {@link #NODE_NAMES} and a treasury key, stores them
 * wrapped under the master key ({@link LedgerKeys}), and writes the genesis (a random chain id, the
 * treasury holding every token) to {@code <data dir>/genesis.json}; later starts read both back.
 * Either way {@code genesis.json} names the genesis in use, so {@code ledger verify --data-dir}
 * checks the install's own chain.
 */
record ConsortiumSetup(Genesis genesis, List<NodeKey> nodes, PrivateKey treasuryKey) {

    private static final Logger log = LoggerFactory.getLogger(ConsortiumSetup.class);

    /** The nodes of a non-demo install. */
    static final List<String> NODE_NAMES = List.of("node-1", "node-2", "node-3");
    static final String TREASURY = "treasury";
    static final String GENESIS_FILE = "genesis.json";

    record NodeKey(String name, PrivateKey key) {
    }

    ConsortiumSetup {
        nodes = List.copyOf(nodes);
        if (!treasuryKey.address().equals(genesis.treasury())) {
            throw new IllegalArgumentException("The treasury key is not the genesis treasury's");
        }
        for (NodeKey n : nodes) {
            if (!genesis.isSealer(n.key().address())) {
                throw new IllegalArgumentException("Node " + n.name() + "'s key is not a sealer of the genesis");
            }
        }
    }

    PrivateKey homeSealerKey() {
        return nodes.get(0).key();
    }

    /** The dev consortium at the configured block time; writes its genesis.json for the tools. */
    static ConsortiumSetup dev(Path dataDir, LedgerSettings settings) {
        Genesis genesis = DevConsortium.genesis(settings.targetBlockMillis());
        List<NodeKey> nodes = new ArrayList<>();
        for (int i = 0; i < DevConsortium.NAMES.size(); i++) {
            nodes.add(new NodeKey(DevConsortium.NAMES.get(i), DevConsortium.sealerKey(i)));
        }
        writeGenesis(dataDir.resolve(GENESIS_FILE), genesis);
        return new ConsortiumSetup(genesis, nodes, DevConsortium.treasuryKey());
    }

    /** This install's own chain: created at the first start, read back at every later one. */
    static ConsortiumSetup own(Path dataDir, MasterKey masterKey, LedgerSettings settings, Clock clock) {
        Path file = dataDir.resolve(GENESIS_FILE);
        LedgerKeys keys = new LedgerKeys(dataDir, masterKey);
        if (!Files.exists(file)) {
            if (keys.exists(TREASURY)) {
                throw new StartupConfigurationException("The data directory holds ledger keys but no " + file.toAbsolutePath() + ".",
                        "Restore genesis.json from the backup of the data directory; a new chain is only made on an empty one.");
            }
            return create(file, keys, settings, clock);
        }
        Genesis genesis;
        try {
            genesis = GenesisJson.read(file, Contracts.standard());
        } catch (IOException | IllegalArgumentException e) {
            throw new StartupConfigurationException("The ledger's genesis file " + file.toAbsolutePath() + " cannot be used: "
                    + e.getMessage(), "Restore it from the backup of the data directory.");
        }
        if (genesis.chainId() == DevConsortium.CHAIN_ID) {
            throw new StartupConfigurationException("The data directory " + dataDir.toAbsolutePath() + " holds the demo install's"
                    + " dev chain, whose keys are public.", "Run it with SPRING_PROFILES_ACTIVE=demo, or start the install on an empty data directory.");
        }
        List<NodeKey> nodes = new ArrayList<>();
        for (Genesis.Sealer sealer : genesis.sealers()) {
            PrivateKey key = keys.load(sealer.name());
            if (!key.address().equals(sealer.address())) {
                throw new StartupConfigurationException("The key of ledger node " + sealer.name() + " is not the sealer named in "
                        + file.toAbsolutePath() + ".", "Restore the data directory's keys/ and genesis.json from the same backup.");
            }
            nodes.add(new NodeKey(sealer.name(), key));
        }
        if (genesis.treasury() == null) {
            throw new StartupConfigurationException("The ledger's genesis file " + file.toAbsolutePath() + " names no treasury.",
                    "Restore it from the backup of the data directory.");
        }
        PrivateKey treasury = keys.load(TREASURY);
        if (!treasury.address().equals(genesis.treasury())) {
            throw new StartupConfigurationException("The treasury key is not the treasury named in " + file.toAbsolutePath() + ".",
                    "Restore the data directory's keys/ and genesis.json from the same backup.");
        }
        return new ConsortiumSetup(genesis, nodes, treasury);
    }

    private static ConsortiumSetup create(Path file, LedgerKeys keys, LedgerSettings settings, Clock clock) {
        SecureRandom random = new SecureRandom();
        List<NodeKey> nodes = new ArrayList<>();
        List<Genesis.Sealer> sealers = new ArrayList<>();
        for (String name : NODE_NAMES) {
            PrivateKey key = keys.create(name, random);
            nodes.add(new NodeKey(name, key));
            sealers.add(new Genesis.Sealer(name, key.publicKey()));
        }
        PrivateKey treasury = keys.create(TREASURY, random);
        long chainId = 1_000_000L + random.nextInt(Integer.MAX_VALUE - 1_000_000);
        Genesis.Parameters dev = Genesis.Parameters.dev();
        Genesis.Parameters parameters = new Genesis.Parameters(settings.targetBlockMillis(), dev.retargetInterval(),
                dev.initialDifficulty(), dev.minDifficulty(), dev.minFee(), dev.emergencyAccessMillis(), dev.maxFutureMillis(),
                dev.maxBlockTransactions());
        Genesis genesis = Genesis.withTreasury(chainId, clock.millis(), sealers, parameters, treasury.address(),
                settings.treasuryBaseUnits());
        writeGenesis(file, genesis);
        log.info("Ledger: created this install's chain {} (chain id {}), sealers {}, treasury {} holding {} tokens; keys wrapped "
                        + "under the master key in {}", DevConsortium.genesisHeader(genesis).hash().shortHex(), chainId,
                genesis.sealerAddresses(), treasury.address(), settings.treasuryTokens(), keys.file(TREASURY).getParent().toAbsolutePath());
        return new ConsortiumSetup(genesis, nodes, treasury);
    }

    private static void writeGenesis(Path file, Genesis genesis) {
        try {
            GenesisJson.write(genesis, Contracts.standard(), file);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the ledger's genesis to " + file.toAbsolutePath(), e);
        }
    }

    @Override
    public String toString() {
        return "ConsortiumSetup[chain " + genesis.chainId() + ", nodes " + nodes.stream().map(NodeKey::name).toList()
                + ", treasury " + treasuryKey.address() + "]";
    }
}

package org.careledger.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.careledger.contracts.Contracts;
import org.careledger.contracts.DevConsortium;
import org.careledger.ledger.Genesis;
import org.careledger.ledger.GenesisFileException;
import org.careledger.ledger.GenesisJson;
import org.careledger.ledger.Hash;

/**
 * The genesis a data directory is judged by, and where it came from: the {@code --genesis} file, the
 * directory's own {@code genesis.json} (which the portal and the bench write), or, when there is
 * none, the dev consortium's. Where it came from decides what to tell a person whose store belongs to
 * another chain: a given file is simply another chain's, a {@code genesis.json} beside the store no
 * longer matches it, and a missing one has to be restored.
 */
record GenesisChoice(Genesis genesis, Source source, Path file) {

    enum Source {
        /** {@code --genesis FILE}. */
        GIVEN,
        /** {@code DIR/genesis.json}. */
        DATA_DIR,
        /** No {@code DIR/genesis.json}: the dev consortium's genesis. */
        DEV
    }

    static final String FILE_NAME = "genesis.json";

    /**
     * The genesis for {@code dir}: {@code explicit} if given, else {@code dir/genesis.json} if it is
     * there, else the dev consortium's.
     *
     * @throws UsageException       if {@code explicit} is given but is not a file
     * @throws GenesisFileException if the chosen file is damaged
     */
    static GenesisChoice of(Path dir, Path explicit) throws IOException {
        if (explicit != null) {
            if (!Files.isRegularFile(explicit)) {
                throw new UsageException("no genesis file at " + explicit);
            }
            return new GenesisChoice(GenesisJson.read(explicit, Contracts.standard()), Source.GIVEN, explicit);
        }
        Path file = dir.resolve(FILE_NAME);
        if (Files.isRegularFile(file)) {
            return new GenesisChoice(GenesisJson.read(file, Contracts.standard()), Source.DATA_DIR, file);
        }
        return new GenesisChoice(DevConsortium.genesis(), Source.DEV, file);
    }

    Hash hash() {
        return DevConsortium.genesisHeader(genesis).hash();
    }

    /**
     * Why a store whose first block builds on {@code storedGenesis} does not belong to this genesis,
     * or null to keep the ledger's own explanation (a genesis given on the command line).
     */
    String foreignStore(Hash storedGenesis) {
        return switch (source) {
            case GIVEN -> null;
            case DATA_DIR -> file + " does not match the chain stored here: the stored chain starts from genesis "
                    + storedGenesis.shortHex() + ", but the file gives genesis " + hash().shortHex()
                    + " (it was replaced, or edited together with its genesisHash); restore it from a backup of this directory";
            case DEV -> file + " is missing, and the chain stored here is not the dev consortium's (it starts from genesis "
                    + storedGenesis.shortHex() + ", the dev consortium's is " + hash().shortHex()
                    + "); restore genesis.json from a backup of this directory";
        };
    }
}

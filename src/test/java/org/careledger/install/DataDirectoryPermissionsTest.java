package org.careledger.install;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import org.careledger.Await;
import org.careledger.IntegrationTest;
import org.careledger.node.LedgerService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** What a running install keeps under its data directory is its owner's only: folders 0700, files 0600. */
class DataDirectoryPermissionsTest extends IntegrationTest {

    @Autowired
    LedgerService ledger;

    @Test
    void theDatabaseTheKeysTheGenesisAndEveryNodesFilesAreTheOwnersOnly() throws Exception {
        Await.until("the ledger has started", () -> ledger.refusal().isEmpty());
        List<Path> paths;
        try (Stream<Path> nodes = Files.walk(DATA_DIR.resolve("nodes")); Stream<Path> keys = Files.walk(DATA_DIR.resolve("keys"))) {
            paths = Stream.of(Stream.of(DATA_DIR, DATA_DIR.resolve("portal.mv.db"), DATA_DIR.resolve("genesis.json")), nodes, keys)
                    .flatMap(s -> s).toList();
        }
        assertThat(paths).hasSizeGreaterThan(8).allSatisfy(p -> assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(p)))
                .as(p.toString()).isEqualTo(Files.isDirectory(p) ? "rwx------" : "rw-------"));
    }
}

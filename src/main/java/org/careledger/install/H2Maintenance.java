package org.careledger.install;

import java.io.IOException;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.careledger.crypto.PrivateFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The embedded H2 file's maintenance. H2 does not fsync its commits (it writes them out within
 * about a second), so durability is {@code CHECKPOINT SYNC}. H2 keeps old pages until it compacts, so
 * compaction is {@code SHUTDOWN COMPACT}, which rewrites the whole file: the database closes and
 * reopens on the next connection, and the pool drops the connections the shutdown closed. Other
 * requests at that moment may fail once and are retried by the user; erasure is a rare, admin-
 * confirmed act.
 */
final class H2Maintenance implements DatabaseMaintenance {

    private static final Logger log = LoggerFactory.getLogger(H2Maintenance.class);

    private final DataSource dataSource;
    private final InstallSettings install;

    H2Maintenance(DataSource dataSource, InstallSettings install) {
        this.dataSource = dataSource;
        this.install = install;
    }

    @Override
    public void makeCommittedDurable() {
        new JdbcTemplate(dataSource).execute("CHECKPOINT SYNC");
    }

    @Override
    public synchronized void compactAfterErasure(String... tables) {
        long started = System.nanoTime();
        new JdbcTemplate(dataSource).execute("SHUTDOWN COMPACT");
        if (dataSource instanceof HikariDataSource hikari && hikari.getHikariPoolMXBean() != null) {
            hikari.getHikariPoolMXBean().softEvictConnections();
        }
        new JdbcTemplate(dataSource).queryForObject("SELECT 1", Integer.class);
        try {
            PrivateFiles.restrict(install.dataDir()); // the compacted file is a new one, made with default permissions
        } catch (IOException e) {
            log.warn("Could not make the compacted database its owner's only: {}", e.toString());
        }
        log.info("Database compacted after an erasure in {} ms", (System.nanoTime() - started) / 1_000_000);
    }
}

package org.careledger.records;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.careledger.crypto.PrivateFiles;
import org.careledger.install.InstallSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Rewrites the H2 database file so that deleted rows leave no bytes behind: H2 keeps old pages
 * until it compacts, so crypto-erasure ends with {@code SHUTDOWN COMPACT}. The database closes and
 * reopens on the next connection; the pool drops the connections the shutdown closed. Other
 * requests at that moment may fail once and are retried by the user; erasure is a rare, admin-
 * confirmed act.
 */
@Component
class DatabaseCompactor {

    private static final Logger log = LoggerFactory.getLogger(DatabaseCompactor.class);

    private final DataSource dataSource;
    private final InstallSettings install;

    DatabaseCompactor(DataSource dataSource, InstallSettings install) {
        this.dataSource = dataSource;
        this.install = install;
    }

    synchronized void compact() {
        long started = System.nanoTime();
        new JdbcTemplate(dataSource).execute("SHUTDOWN COMPACT");
        if (dataSource instanceof HikariDataSource hikari && hikari.getHikariPoolMXBean() != null) {
            hikari.getHikariPoolMXBean().softEvictConnections();
        }
        new JdbcTemplate(dataSource).queryForObject("SELECT 1", Integer.class);
        try {
            PrivateFiles.restrict(install.dataDir()); // the compacted file is a new one, made with default permissions
        } catch (java.io.IOException e) {
            log.warn("Could not make the compacted database its owner's only: {}", e.toString());
        }
        log.info("Database compacted after an erasure in {} ms", (System.nanoTime() - started) / 1_000_000);
    }
}

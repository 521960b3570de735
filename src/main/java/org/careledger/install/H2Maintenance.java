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
    private final Object sync = new Object();
    /** Tickets handed to callers so far; the checkpoint that last finished covered those up to {@link #durableUpTo}. */
    private long requested;
    private long durableUpTo;
    private boolean syncing;

    H2Maintenance(DataSource dataSource, InstallSettings install) {
        this.dataSource = dataSource;
        this.install = install;
    }

    /**
     * Group commit: a checkpoint that starts after a caller's commit covers it, so callers that arrive
     * while one runs wait for the next, which one of them runs for all (under many users one sync
     * stands for many commits, and no request holds a second connection for a sync of its own).
     */
    @Override
    public void makeCommittedDurable() {
        long ticket;
        synchronized (sync) {
            ticket = ++requested;
            while (true) {
                if (durableUpTo >= ticket) {
                    return;
                }
                if (!syncing) {
                    break;
                }
                try {
                    sync.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while making a commit durable", e);
                }
            }
            syncing = true;
            ticket = requested; // every commit that asked so far was made before this checkpoint starts
        }
        boolean done = false;
        try {
            new JdbcTemplate(dataSource).execute("CHECKPOINT SYNC");
            done = true;
        } finally {
            synchronized (sync) {
                syncing = false;
                if (done) {
                    durableUpTo = Math.max(durableUpTo, ticket);
                }
                sync.notifyAll();
            }
        }
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

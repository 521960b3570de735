package org.careledger.install;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;

/**
 * PostgreSQL's maintenance. A commit is durable when it returns (write-ahead log flushed, with the
 * defaults {@code fsync} and {@code synchronous_commit} on; a server that turns either off is named in
 * the log once), so there is nothing to do: {@code CHECKPOINT} would only shorten crash recovery, and
 * needs a superuser. Compaction is {@code VACUUM FULL} of the tables named, which writes each table
 * (and its TOAST table, where large values such as sealed record contents live) into new files and
 * deletes the old ones; plain {@code VACUUM} only marks dead rows' space reusable and leaves their
 * bytes in place. It takes an exclusive lock on each table while it runs, and cannot run inside a
 * transaction, so it gets a connection of its own.
 */
final class PostgresMaintenance implements DatabaseMaintenance {

    private static final Logger log = LoggerFactory.getLogger(PostgresMaintenance.class);
    private static final Pattern PLAIN_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final DataSource dataSource;
    private volatile boolean durabilityChecked;

    PostgresMaintenance(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void makeCommittedDurable() {
        if (!durabilityChecked) {
            durabilityChecked = true;
            warnIfCommitsAreNotDurable();
        }
    }

    @Override
    public synchronized void compactAfterErasure(String... tables) {
        long started = System.nanoTime();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            for (String table : tables) {
                s.execute("VACUUM (FULL) " + plainName(table));
            }
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("Could not compact " + String.join(", ", tables) + " after an erasure", e);
        }
        log.info("Tables {} compacted (VACUUM FULL) after an erasure in {} ms", String.join(", ", tables),
                (System.nanoTime() - started) / 1_000_000);
    }

    private static String plainName(String table) {
        if (!PLAIN_NAME.matcher(table).matches()) {
            throw new IllegalArgumentException("Not a plain table name: " + table);
        }
        return table;
    }

    private void warnIfCommitsAreNotDurable() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String setting : new String[] {"fsync", "synchronous_commit"}) {
                try (ResultSet r = s.executeQuery("SHOW " + setting)) {
                    if (r.next() && "off".equalsIgnoreCase(r.getString(1))) {
                        log.warn("PostgreSQL runs with {} = off: a commit the ledger acts on may be lost in a crash of the database "
                                + "server, and the outbox's recovery then cannot find it. Turn it on for a CareLedger database.", setting);
                    }
                }
            }
        } catch (SQLException e) {
            log.warn("Could not read PostgreSQL's durability settings: {}", e.toString());
        }
    }
}

package org.careledger.outbox;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Makes what is committed so far survive a crash before the outbox acts on it. H2 does not fsync
 * its commits (it writes them out within about a second), so on H2 this is {@code CHECKPOINT SYNC};
 * a database that makes each commit durable by itself (PostgreSQL) needs nothing more.
 */
@Component
class Durability {

    private final JdbcTemplate jdbc;
    private volatile Boolean h2;

    Durability(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void sync() {
        if (isH2()) {
            jdbc.execute("CHECKPOINT SYNC");
        }
    }

    private boolean isH2() {
        Boolean known = h2;
        if (known == null) {
            DataSource source = jdbc.getDataSource();
            try (Connection c = source.getConnection()) {
                known = c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("h2");
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot tell which database holds the outbox", e);
            }
            h2 = known;
        }
        return known;
    }
}

package org.careledger.analytics.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Prescriptions waiting to expire, for the "expired" count: an expiry is a time, not a transaction, so
 * the feed registers each prescription when it is issued and counts it as expired when it applies the
 * first block at or after its expiry, unless it was dispensed in full or cancelled by then. Written in
 * the same transaction as the facts (by {@link FactStore}) and taken back by height like them.
 */
@Repository
public class Expiries {

    /** A prescription issued at {@code height} that expires at {@code expiresAt}. */
    public record Expiry(String rxId, Instant expiresAt, long height) {
    }

    private final JdbcClient jdbc;

    Expiries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The prescriptions not yet counted whose expiry is at or before {@code until}. */
    public List<Expiry> due(Instant until) {
        return jdbc.sql("SELECT rx_id, expires_at, issued_height FROM analytics_expiries WHERE expired_height IS NULL AND expires_at <= :t")
                .param("t", Timestamp.from(until))
                .query((rs, i) -> new Expiry(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getLong(3))).list();
    }

    void register(List<Expiry> issued) {
        for (Expiry e : issued) {
            jdbc.sql("""
                    INSERT INTO analytics_expiries (rx_id, expires_at, issued_height)
                    SELECT :id, :at, :h FROM analytics_progress
                    WHERE id = 1 AND NOT EXISTS (SELECT 1 FROM analytics_expiries WHERE rx_id = :id)""")
                    .param("id", e.rxId()).param("at", Timestamp.from(e.expiresAt())).param("h", e.height()).update();
        }
    }

    /** Marks prescriptions as passed their expiry (counted or not) by the block at {@code height}. */
    void passed(List<String> rxIds, long height) {
        for (String id : rxIds) {
            jdbc.sql("UPDATE analytics_expiries SET expired_height = :h WHERE rx_id = :id AND expired_height IS NULL")
                    .param("h", height).param("id", id).update();
        }
    }

    void rollBackFrom(long height) {
        jdbc.sql("DELETE FROM analytics_expiries WHERE issued_height >= :h").param("h", height).update();
        jdbc.sql("UPDATE analytics_expiries SET expired_height = NULL WHERE expired_height >= :h").param("h", height).update();
    }

    void clear() {
        jdbc.sql("DELETE FROM analytics_expiries").update();
    }
}

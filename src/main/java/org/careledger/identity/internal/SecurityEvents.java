package org.careledger.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

import org.careledger.identity.SecurityEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The security log: one line per sign-in, failure, lock, approval, role change and reset, with the
 * user, the UTC time and the outcome. Never a password. User-supplied text is stripped of line
 * breaks so nobody can forge a log line.
 * <p>
 * Each event is also stored in table {@code security_events}, with the address of the client the
 * request came from, in a transaction of its own: a failed sign-in, which has no transaction or rolls
 * one back, is stored all the same. Admins read them through {@link org.careledger.identity.SecurityEventLog}.
 */
@Component
public class SecurityEvents {

    private static final Logger log = LoggerFactory.getLogger("careledger.security");

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    SecurityEvents(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    public void record(String event, String user, String outcome) {
        recordFrom(currentClient(), event, user, outcome);
    }

    public void record(String event, String user, String outcome, String actor) {
        Instant at = Instant.now(clock);
        log.info("event={} user={} outcome={} by={} at={}", event, clean(user), clean(outcome), clean(actor), at);
        store(at, event, user, outcome, actor, currentClient());
    }

    /** An event of a sign-in, from the client it came from (as Spring Security's details have it). */
    void recordFrom(String client, String event, String user, String outcome) {
        Instant at = Instant.now(clock);
        log.info("event={} user={} outcome={} at={}", event, clean(user), clean(outcome), at);
        store(at, event, user, outcome, null, client);
    }

    /** The latest stored events, newest first. */
    public List<SecurityEvent> latest(int limit) {
        return jdbc.sql("SELECT * FROM security_events ORDER BY id DESC FETCH FIRST ? ROWS ONLY")
                .param(limit).query(SecurityEvents::event).list();
    }

    /** The latest stored events about one user, newest first. */
    public List<SecurityEvent> about(String username, int limit) {
        String stored = username == null ? null : clean(username.strip().toLowerCase(Locale.ROOT));
        return jdbc.sql("SELECT * FROM security_events WHERE username = ? ORDER BY id DESC FETCH FIRST ? ROWS ONLY")
                .params(stored, limit).query(SecurityEvents::event).list();
    }

    /**
     * One page of stored events, newest first (by id, which follows the order they were stored in): those
     * older than {@code olderThan} (an id; null for the newest), of {@code kind} if given, about or by
     * {@code user} if given (as stored: lower case), at or after {@code from} and before {@code to} if
     * given; at most {@code limit}.
     */
    public List<SecurityEvent> page(String user, String kind, Instant from, Instant to, Long olderThan, int limit) {
        StringBuilder sql = new StringBuilder("SELECT * FROM security_events WHERE 1 = 1");
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        if (user != null) {
            sql.append(" AND (username = :user OR actor = :user)");
            params.put("user", clean(user));
        }
        if (kind != null) {
            sql.append(" AND event = :kind");
            params.put("kind", kind);
        }
        if (from != null) {
            sql.append(" AND occurred_at >= :from");
            params.put("from", from.atOffset(ZoneOffset.UTC));
        }
        if (to != null) {
            sql.append(" AND occurred_at < :to");
            params.put("to", to.atOffset(ZoneOffset.UTC));
        }
        if (olderThan != null) {
            sql.append(" AND id < :olderThan");
            params.put("olderThan", olderThan);
        }
        sql.append(" ORDER BY id DESC FETCH FIRST :limit ROWS ONLY");
        params.put("limit", limit);
        return jdbc.sql(sql.toString()).params(params).query(SecurityEvents::event).list();
    }

    /** Every kind of event stored so far ({@code LOGIN}, {@code ROLE_CHANGE} ...), sorted. */
    public List<String> kinds() {
        return jdbc.sql("SELECT DISTINCT event FROM security_events ORDER BY event").query(String.class).list();
    }

    private void store(Instant at, String event, String user, String outcome, String actor, String client) {
        ownTransaction.executeWithoutResult(status -> jdbc.sql(
                        "INSERT INTO security_events (occurred_at, event, username, outcome, actor, client) VALUES (?, ?, ?, ?, ?, ?)")
                .params(at.atOffset(ZoneOffset.UTC), cut(clean(event), 40), nullable(user), nullable(outcome), nullable(actor),
                        nullable(client))
                .update());
    }

    /** The address the current HTTP request came from, if this runs in one. */
    private static String currentClient() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
                ? request.getRequest().getRemoteAddr() : null;
    }

    private static SecurityEvent event(ResultSet row, int n) throws SQLException {
        return new SecurityEvent(row.getLong("id"), row.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                row.getString("event"), row.getString("username"), row.getString("outcome"), row.getString("actor"),
                row.getString("client"));
    }

    private static String nullable(String text) {
        return text == null ? null : clean(text);
    }

    private static String cut(String text, int max) {
        return LoginThrottle.cut(text, max);
    }

    private static String clean(String text) {
        if (text == null) {
            return "-";
        }
        String oneLine = text.replaceAll("[\\r\\n\\t]", "_");
        return oneLine.length() > 120 ? oneLine.substring(0, 120) + "…" : oneLine;
    }
}

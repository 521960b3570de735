package org.careledger.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Slows password guessing without handing the guesser a way to lock the owner out. Failed sign-ins
 * are counted per username (trimmed and lower-cased; known or not, so that nothing tells which
 * accounts exist) in two ways:
 * <ul>
 * <li><b>Per client</b> (its address; an IPv6 client by its /64, see {@link ClientKey}): after
 *     {@value #FREE_ATTEMPTS} failures that client is refused for that username, even with the right
 *     password, for 30 s, doubling with each further failure, at most an hour. A correct password from
 *     the client clears its count. The owner on another client is not held back by it.</li>
 * <li><b>Over every client</b>: the {@value #CEILING}th failure within an hour-long window (which opens
 *     with a failure) refuses the username to every client until the window ends; the owner's sign-in
 *     does not reset this count.</li>
 * </ul>
 * Why these numbers: one client makes at most 11 guesses in its first hour (5, then after 30 s, 1, 2,
 * 4, 8 and 16 min) and about one an hour after that, while the owner's few typing slips never wait
 * more than 30 s. A guesser with many addresses is held to {@value #CEILING} guesses at a username per
 * window (about 2,400 a day, never more than 200 in any 60 minutes), the limit NIST SP 800-63B (5.2.2)
 * sets for failed attempts at one account; reaching it within an hour takes at least 10 clients, and
 * refusing the owner hour after hour about 100 (by then each client's delay has grown to an hour).
 * <p>
 * The counts are rows of {@code login_throttle} (one per username and client, one per username with
 * client {@value #EVERY_CLIENT}), so a restart forgets nothing; each change is a transaction of its own,
 * so it holds even when the sign-in fails. Unlocking a username is deleting its rows. A row is forgotten
 * a day after its last failure, and every {@value #PRUNE_EVERY} failures the forgotten rows are deleted
 * and, past {@value #MAX_ROWS} rows, the oldest whose lock is over, so the table stays bounded.
 */
@Component
public class LoginThrottle {

    static final int FREE_ATTEMPTS = 5;
    static final Duration FIRST_DELAY = Duration.ofSeconds(30);
    static final Duration MAX_DELAY = Duration.ofHours(1);
    static final int CEILING = 100;
    static final Duration WINDOW = Duration.ofHours(1);
    static final Duration FORGET_AFTER = Duration.ofDays(1);
    static final int MAX_ROWS = 100_000;
    static final String EVERY_CLIENT = "*";
    private static final int PRUNE_EVERY = 1_000;
    private static final int MAX_USERNAME = 254;
    private static final int ATTEMPTS_AT_A_NEW_ROW = 3;

    private record Failures(int count, Instant first, Instant last, Instant lockedUntil) {
        boolean lockedAt(Instant now) {
            return lockedUntil != null && now.isBefore(lockedUntil);
        }
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    private final SecurityEvents securityLog;
    private final Clock clock;
    private final AtomicInteger failuresSincePruning = new AtomicInteger();

    LoginThrottle(JdbcClient jdbc, PlatformTransactionManager transactions, SecurityEvents securityLog, Clock clock) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.securityLog = securityLog;
        this.clock = clock;
    }

    /** How long sign-ins for this username from this client are still refused, if they are. */
    public Optional<Duration> lockedFor(String username, String client) {
        Instant now = Instant.now(clock);
        return jdbc.sql("SELECT locked_until FROM login_throttle WHERE username = ? AND client IN (?, ?) AND locked_until > ?")
                .params(key(username), ClientKey.of(client), EVERY_CLIENT, at(now))
                .query(OffsetDateTime.class).list().stream()
                .map(OffsetDateTime::toInstant).max(Comparator.naturalOrder())
                .map(until -> Duration.between(now, until));
    }

    /** Whether some client, or every client, is refused this username now. */
    public boolean isLocked(String username) {
        return jdbc.sql("SELECT COUNT(*) FROM login_throttle WHERE username = ? AND locked_until > ?")
                .params(key(username), at(Instant.now(clock))).query(Long.class).single() > 0;
    }

    /** Those of {@code usernames} (as {@link #key} writes them) that some client, or every client, is refused now: one query. */
    public Set<String> lockedAmong(Collection<String> usernames) {
        if (usernames.isEmpty()) {
            return Set.of();
        }
        List<String> keys = usernames.stream().map(LoginThrottle::key).distinct().toList();
        return new HashSet<>(jdbc.sql("SELECT DISTINCT username FROM login_throttle WHERE locked_until > :now AND username IN (:names)")
                .param("now", at(Instant.now(clock))).param("names", keys).query(String.class).list());
    }

    /** Counts a failed sign-in; returns true if this client is now refused this username. */
    public boolean recordFailure(String username, String client) {
        String name = key(username);
        Instant now = Instant.now(clock);
        Counted counted = countInOwnTransaction(name, ClientKey.of(client), now);
        if (counted.everyClient().count() == CEILING) {
            securityLog.recordFrom(client, "LOCK", name, CEILING + " failures within an hour: every client refused until "
                    + counted.everyClient().lockedUntil());
        }
        if (failuresSincePruning.incrementAndGet() % PRUNE_EVERY == 0) {
            prune();
        }
        return counted.client().lockedAt(now) || counted.everyClient().lockedAt(now);
    }

    /** A correct password from this client: its own count starts again (the ceiling's does not). */
    public void recordSuccess(String username, String client) {
        ownTransaction.executeWithoutResult(status -> jdbc.sql("DELETE FROM login_throttle WHERE username = ? AND client = ?")
                .params(key(username), ClientKey.of(client)).update());
    }

    /** Lifts every lock on this username, each client's and the ceiling's; returns the rows deleted. */
    public int unlock(String username) {
        return jdbc.sql("DELETE FROM login_throttle WHERE username = ?").param(key(username)).update();
    }

    private record Counted(Failures client, Failures everyClient) {
    }

    private Counted countInOwnTransaction(String name, String client, Instant now) {
        for (int attempt = 1; ; attempt++) {
            try {
                return ownTransaction.execute(status -> new Counted(count(name, client, now), count(name, EVERY_CLIENT, now)));
            } catch (DuplicateKeyException raced) {  // a sign-in at the same time added the row first: count again
                if (attempt == ATTEMPTS_AT_A_NEW_ROW) {
                    throw raced;
                }
            }
        }
    }

    /** Adds one failure to a row (under a row lock) and returns the row as it now stands. */
    private Failures count(String name, String client, Instant now) {
        Optional<Failures> stored = jdbc.sql("SELECT failures, first_failure, last_failure, locked_until FROM login_throttle"
                        + " WHERE username = ? AND client = ? FOR UPDATE")
                .params(name, client).query(LoginThrottle::failures).optional();
        Failures before = stored.filter(f -> !forgotten(f, client, now)).orElse(null);
        int count = before == null ? 1 : before.count() + 1;
        Instant first = before == null ? now : before.first();
        Failures after = new Failures(count, first, now, lockedUntil(client, count, first, now));
        if (stored.isPresent()) {
            jdbc.sql("UPDATE login_throttle SET failures = ?, first_failure = ?, last_failure = ?, locked_until = ?"
                            + " WHERE username = ? AND client = ?")
                    .params(count, at(first), at(now), at(after.lockedUntil()), name, client).update();
        } else {
            jdbc.sql("INSERT INTO login_throttle (username, client, failures, first_failure, last_failure, locked_until)"
                            + " VALUES (?, ?, ?, ?, ?, ?)")
                    .params(name, client, count, at(first), at(now), at(after.lockedUntil())).update();
        }
        return after;
    }

    /** A client's count lasts a day after its last failure; the ceiling's, the window that its first opened. */
    private static boolean forgotten(Failures f, String client, Instant now) {
        Instant end = EVERY_CLIENT.equals(client) ? f.first().plus(WINDOW) : f.last().plus(FORGET_AFTER);
        return !now.isBefore(end);
    }

    private static Instant lockedUntil(String client, int count, Instant first, Instant now) {
        if (EVERY_CLIENT.equals(client)) {
            return count < CEILING ? null : first.plus(WINDOW);
        }
        return count < FREE_ATTEMPTS ? null : now.plus(delay(count));
    }

    static Duration delay(int failureCount) {
        int doublings = Math.min(failureCount - FREE_ATTEMPTS, 20);
        Duration d = FIRST_DELAY.multipliedBy(1L << doublings);
        return d.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : d;
    }

    void prune() {
        prune(MAX_ROWS);
    }

    /** Deletes forgotten rows and then, past {@code maxRows}, the oldest rows whose lock is over. */
    void prune(int maxRows) {
        Instant now = Instant.now(clock);
        ownTransaction.executeWithoutResult(status -> {
            jdbc.sql("DELETE FROM login_throttle WHERE last_failure <= ?").param(at(now.minus(FORGET_AFTER))).update();
            jdbc.sql("SELECT last_failure FROM login_throttle ORDER BY last_failure DESC OFFSET ? ROWS FETCH NEXT 1 ROWS ONLY")
                    .param(maxRows).query(OffsetDateTime.class).optional()
                    .ifPresent(oldestKept -> jdbc.sql("DELETE FROM login_throttle WHERE last_failure <= ?"
                                    + " AND (locked_until IS NULL OR locked_until <= ?)")
                            .params(oldestKept, at(now)).update());
        });
    }

    private static Failures failures(ResultSet row, int n) throws SQLException {
        return new Failures(row.getInt("failures"), instant(row, "first_failure"), instant(row, "last_failure"),
                instant(row, "locked_until"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    /** The username as it is counted: trimmed, lower-cased, at most 254 characters (as an email address). */
    public static String key(String username) {
        return username == null ? "" : cut(username.strip().toLowerCase(Locale.ROOT), MAX_USERNAME);
    }

    /** The first {@code max} characters of {@code text}, never half a surrogate pair. */
    static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        return text.substring(0, Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max);
    }
}

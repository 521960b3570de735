package org.careledger.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The throttle over a real database (in-memory H2 with the application's migrations), with a clock
 * that stands still until moved.
 */
class LoginThrottleTest {

    /** A clock that stands still until moved. */
    static final class ManualClock extends Clock {
        private Instant now = Instant.parse("2026-03-15T10:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static final String CLIENT = "203.0.113.5";
    private static final String OTHER_CLIENT = "198.51.100.7";

    private final ManualClock clock = new ManualClock();
    private final DataSource database = freshDatabase();
    private final JdbcClient jdbc = JdbcClient.create(database);
    private final LoginThrottle throttle = throttleOver(database, clock);

    /** An in-memory H2 database of its own, migrated by the application's Flyway scripts. */
    static DataSource freshDatabase() {
        JdbcDataSource source = new JdbcDataSource();
        source.setURL("jdbc:h2:mem:throttle-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(source).locations("classpath:db/migration", "classpath:db/h2").load().migrate();
        return source;
    }

    /** A throttle as the application builds one, over {@code database}: what a restart gives. */
    static LoginThrottle throttleOver(DataSource database, Clock clock) {
        JdbcClient jdbc = JdbcClient.create(database);
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(database);
        return new LoginThrottle(jdbc, transactions, new SecurityEvents(jdbc, transactions, clock), clock);
    }

    @AfterEach
    void closeDatabase() {
        jdbc.sql("SHUTDOWN").update();
    }

    private void fail(String user, int times) {
        fail(user, CLIENT, times);
    }

    private void fail(String user, String client, int times) {
        for (int i = 0; i < times; i++) {
            throttle.recordFailure(user, client);
        }
    }

    private long rows() {
        return jdbc.sql("SELECT COUNT(*) FROM login_throttle").query(Long.class).single();
    }

    @Test
    void fourFailuresDoNotLock() {
        for (int i = 0; i < 4; i++) {
            assertThat(throttle.recordFailure("jane@example.org", CLIENT)).isFalse();
        }
        assertThat(throttle.lockedFor("jane@example.org", CLIENT)).isEmpty();
    }

    @Test
    void theFifthFailureLocksForThirtySeconds() {
        fail("jane@example.org", 4);
        assertThat(throttle.recordFailure("jane@example.org", CLIENT)).isTrue();
        assertThat(throttle.lockedFor("jane@example.org", CLIENT)).contains(Duration.ofSeconds(30));
        clock.advance(Duration.ofSeconds(29));
        assertThat(throttle.lockedFor("jane@example.org", CLIENT)).contains(Duration.ofSeconds(1));
    }

    @Test
    void theLockExpiresAfterTheDelay() {
        fail("jane@example.org", 5);
        clock.advance(Duration.ofSeconds(30));
        assertThat(throttle.lockedFor("jane@example.org", CLIENT)).isEmpty();
    }

    @Test
    void otherUsernamesAreNotLocked() {
        fail("jane@example.org", 5);
        assertThat(throttle.lockedFor("john@example.org", CLIENT)).isEmpty();
    }

    @Test
    void usernamesAreCountedCaseInsensitivelyAndTrimmed() {
        fail("Jane@Example.org", 2);
        fail(" jane@example.ORG ", 2);
        assertThat(throttle.recordFailure("JANE@EXAMPLE.ORG", CLIENT)).isTrue();
        assertThat(throttle.lockedFor("jane@example.org", CLIENT)).isPresent();
    }

    @Test
    void eachFurtherFailureDoublesTheDelay() {
        fail("jane@example.org", 5);
        clock.advance(Duration.ofSeconds(30));
        throttle.recordFailure("jane@example.org", CLIENT); // 6th
        assertThat(throttle.lockedFor("jane@example.org", CLIENT)).contains(Duration.ofMinutes(1));
        clock.advance(Duration.ofMinutes(1));
        throttle.recordFailure("jane@example.org", CLIENT); // 7th
        assertThat(throttle.lockedFor("jane@example.org", CLIENT)).contains(Duration.ofMinutes(2));
    }

    @Test
    void theDelayIsCappedAtOneHour() {
        assertThat(LoginThrottle.delay(5)).isEqualTo(Duration.ofSeconds(30));
        assertThat(LoginThrottle.delay(11)).isEqualTo(Duration.ofMinutes(32));
        assertThat(LoginThrottle.delay(12)).isEqualTo(Duration.ofHours(1));
        assertThat(LoginThrottle.delay(1_000)).isEqualTo(Duration.ofHours(1));
        fail("jane@example.org", 40);
        assertThat(throttle.lockedFor("jane@example.org", CLIENT)).contains(Duration.ofHours(1));
    }

    @Test
    void aSuccessClearsTheCount() {
        fail("jane@example.org", 4);
        throttle.recordSuccess("JANE@example.org", CLIENT);
        assertThat(throttle.recordFailure("jane@example.org", CLIENT)).isFalse();
        fail("jane@example.org", 3);
        assertThat(throttle.lockedFor("jane@example.org", CLIENT)).isEmpty();
    }

    @Test
    void theLockHoldsAsLongAsNoSuccessIsRecorded() {
        // The provider checks the lock before the password, so no success is recorded during a lock:
        // attempts during the lock, right or wrong, leave it in place until it runs out.
        fail("jane@example.org", 5);
        clock.advance(Duration.ofSeconds(10));
        assertThat(throttle.lockedFor("jane@example.org", CLIENT)).contains(Duration.ofSeconds(20));
        clock.advance(Duration.ofSeconds(19));
        assertThat(throttle.lockedFor("jane@example.org", CLIENT)).isPresent();
    }

    @Test
    void afterTheLockAFailureLocksAgainAtOnceWithTheLongerDelay() {
        fail("jane@example.org", 5);
        clock.advance(Duration.ofSeconds(31));
        assertThat(throttle.recordFailure("jane@example.org", CLIENT)).isTrue();
    }

    @Test
    void aGuessersFailuresDoNotThrottleTheOwnerOnAnotherClient() {
        fail("jane@example.org", CLIENT, 12);
        assertThat(throttle.lockedFor("jane@example.org", CLIENT)).isPresent();
        assertThat(throttle.lockedFor("jane@example.org", OTHER_CLIENT)).isEmpty();
        assertThat(throttle.recordFailure("jane@example.org", OTHER_CLIENT)).as("the other client's own count starts at one").isFalse();
    }

    @Test
    void aSuccessClearsOnlyThatClientsCount() {
        fail("jane@example.org", CLIENT, 4);
        fail("jane@example.org", OTHER_CLIENT, 4);
        throttle.recordSuccess("jane@example.org", OTHER_CLIENT);
        assertThat(throttle.recordFailure("jane@example.org", OTHER_CLIENT)).isFalse();
        assertThat(throttle.recordFailure("jane@example.org", CLIENT)).isTrue();
    }

    @Test
    void aHundredFailuresWithinAnHourFromAnyClientsLockTheUsernameForEveryClientUntilTheHourEnds() {
        for (int i = 0; i < 99; i++) {
            assertThat(throttle.recordFailure("jane@example.org", "192.0.2." + (i / 4))).isFalse();  // 4 a client
            clock.advance(Duration.ofSeconds(6));
        }
        assertThat(throttle.lockedFor("jane@example.org", OTHER_CLIENT)).isEmpty();
        throttle.recordSuccess("jane@example.org", OTHER_CLIENT);  // the owner's sign-in does not reset the ceiling's count

        assertThat(throttle.recordFailure("jane@example.org", "192.0.2.24")).as("the hundredth failure").isTrue();

        // the window opened with the first failure, 99 × 6 s ago: it has 3,006 s left
        assertThat(throttle.lockedFor("jane@example.org", OTHER_CLIENT)).contains(Duration.ofSeconds(3_006));
        assertThat(throttle.lockedFor("jane@example.org", "198.51.100.99")).contains(Duration.ofSeconds(3_006));
        assertThat(throttle.isLocked("jane@example.org")).isTrue();
        assertThat(throttle.lockedFor("john@example.org", OTHER_CLIENT)).isEmpty();
        assertThat(jdbc.sql("SELECT outcome FROM security_events WHERE event = 'LOCK' AND username = 'jane@example.org'")
                .query(String.class).list()).singleElement().asString().contains("every client");

        clock.advance(Duration.ofSeconds(3_006));
        assertThat(throttle.lockedFor("jane@example.org", OTHER_CLIENT)).isEmpty();
        assertThat(throttle.recordFailure("jane@example.org", OTHER_CLIENT)).as("a new window counts from one").isFalse();
    }

    @Test
    void failuresSpreadOverMoreThanAnHourStayBelowTheCeiling() {
        for (int i = 0; i < 99; i++) {
            throttle.recordFailure("jane@example.org", "192.0.2." + (i / 4));
        }
        clock.advance(Duration.ofHours(1));
        for (int i = 0; i < 99; i++) {
            throttle.recordFailure("jane@example.org", "198.51.100." + (i / 4));
        }
        assertThat(throttle.lockedFor("jane@example.org", OTHER_CLIENT)).isEmpty();
    }

    @Test
    void anUnknownUsernameMeetsTheSameCeiling() {
        // the throttle never asks whether an account exists: any typed name is counted alike
        for (int i = 0; i < 100; i++) {
            throttle.recordFailure("nobody-" + "x".repeat(300), "192.0.2." + (i / 4));
        }
        assertThat(throttle.lockedFor("NOBODY-" + "X".repeat(300), OTHER_CLIENT)).isPresent();
    }

    @Test
    void theStateSurvivesARestart() {
        fail("jane@example.org", CLIENT, 6);
        for (int i = 0; i < 100; i++) {
            throttle.recordFailure("john@example.org", "192.0.2." + (i / 4));
        }

        LoginThrottle afterRestart = throttleOver(database, clock);

        assertThat(afterRestart.lockedFor("jane@example.org", CLIENT)).contains(Duration.ofMinutes(1));
        assertThat(afterRestart.lockedFor("jane@example.org", OTHER_CLIENT)).isEmpty();
        assertThat(afterRestart.lockedFor("john@example.org", OTHER_CLIENT)).contains(Duration.ofHours(1));
        clock.advance(Duration.ofMinutes(1));
        assertThat(afterRestart.recordFailure("jane@example.org", CLIENT)).as("the 7th failure doubles the delay").isTrue();
        assertThat(afterRestart.lockedFor("jane@example.org", CLIENT)).contains(Duration.ofMinutes(2));
    }

    @Test
    void unlockingAUsernameClearsEveryClientAndTheCeilingAndNothingElse() {
        fail("jane@example.org", CLIENT, 5);
        fail("jane@example.org", OTHER_CLIENT, 5);
        for (int i = 0; i < 100; i++) {
            throttle.recordFailure("jane@example.org", "192.0.2." + (i / 4));
        }
        fail("john@example.org", CLIENT, 5);

        throttle.unlock("Jane@Example.org");

        assertThat(throttle.isLocked("jane@example.org")).isFalse();
        assertThat(throttle.lockedFor("jane@example.org", CLIENT)).isEmpty();
        assertThat(throttle.lockedFor("jane@example.org", OTHER_CLIENT)).isEmpty();
        assertThat(throttle.recordFailure("jane@example.org", CLIENT)).as("counting starts again").isFalse();
        assertThat(throttle.lockedFor("john@example.org", CLIENT)).isPresent();
    }

    @Test
    void isLockedOnlyWhileSomeClientIsRefused() {
        fail("jane@example.org", CLIENT, 4);
        assertThat(throttle.isLocked("jane@example.org")).isFalse();
        throttle.recordFailure("jane@example.org", CLIENT);
        assertThat(throttle.isLocked("JANE@example.org")).isTrue();
        clock.advance(Duration.ofSeconds(30));
        assertThat(throttle.isLocked("jane@example.org")).isFalse();
    }

    @Test
    void anIpv6ClientIsCountedByItsSlash64() {
        // one household or host gets a whole /64: counting single addresses would give it 2^64 clients
        fail("jane@example.org", "2001:db8:1:2::10", 3);
        fail("jane@example.org", "2001:db8:1:2:ffff:ffff:ffff:1", 2);
        assertThat(throttle.lockedFor("jane@example.org", "2001:0db8:0001:0002:0:0:0:99")).isPresent();
        assertThat(throttle.lockedFor("jane@example.org", "2001:db8:1:3::10")).isEmpty();
        assertThat(throttle.lockedFor("jane@example.org", "192.0.2.1")).isEmpty();
    }

    @Test
    void aDayWithoutFailuresForgetsAClientsCountAndPruningDeletesTheRows() {
        fail("jane@example.org", CLIENT, 4);
        fail("john@example.org", CLIENT, 2);
        assertThat(rows()).isEqualTo(4);  // a row per client and one for the ceiling, per username
        clock.advance(Duration.ofHours(24));
        fail("john@example.org", CLIENT, 1);

        assertThat(throttle.recordFailure("jane@example.org", CLIENT)).as("the old count is forgotten").isFalse();
        clock.advance(Duration.ofHours(24).plusSeconds(1));
        fail("john@example.org", OTHER_CLIENT, 1);
        throttle.prune();

        assertThat(jdbc.sql("SELECT username || ' ' || client FROM login_throttle ORDER BY client").query(String.class).list())
                .containsExactly("john@example.org *", "john@example.org " + OTHER_CLIENT);
    }

    @Test
    void pruningKeepsTheTableWithinItsBoundButNeverLiftsALock() {
        fail("locked@example.org", CLIENT, 5);
        for (int i = 0; i < 10; i++) {
            clock.advance(Duration.ofSeconds(1));
            throttle.recordFailure("user" + i + "@example.org", CLIENT);
        }

        throttle.prune(6);

        assertThat(rows()).isLessThanOrEqualTo(6 + 2);
        assertThat(throttle.lockedFor("locked@example.org", CLIENT)).isPresent();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM login_throttle WHERE username = 'user9@example.org'")
                .query(Long.class).single()).as("the newest rows stay").isEqualTo(2);
    }
}

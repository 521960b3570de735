package org.careledger.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

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

    private final ManualClock clock = new ManualClock();
    private final LoginThrottle throttle = new LoginThrottle(clock);

    private void fail(String user, int times) {
        for (int i = 0; i < times; i++) {
            throttle.recordFailure(user);
        }
    }

    @Test
    void fourFailuresDoNotLock() {
        for (int i = 0; i < 4; i++) {
            assertThat(throttle.recordFailure("jane@example.org")).isFalse();
        }
        assertThat(throttle.lockedFor("jane@example.org")).isEmpty();
    }

    @Test
    void theFifthFailureLocksForThirtySeconds() {
        fail("jane@example.org", 4);
        assertThat(throttle.recordFailure("jane@example.org")).isTrue();
        assertThat(throttle.lockedFor("jane@example.org")).contains(Duration.ofSeconds(30));
        clock.advance(Duration.ofSeconds(29));
        assertThat(throttle.lockedFor("jane@example.org")).contains(Duration.ofSeconds(1));
    }

    @Test
    void theLockExpiresAfterTheDelay() {
        fail("jane@example.org", 5);
        clock.advance(Duration.ofSeconds(30));
        assertThat(throttle.lockedFor("jane@example.org")).isEmpty();
    }

    @Test
    void otherUsernamesAreNotLocked() {
        fail("jane@example.org", 5);
        assertThat(throttle.lockedFor("john@example.org")).isEmpty();
    }

    @Test
    void usernamesAreCountedCaseInsensitivelyAndTrimmed() {
        fail("Jane@Example.org", 2);
        fail(" jane@example.ORG ", 2);
        assertThat(throttle.recordFailure("JANE@EXAMPLE.ORG")).isTrue();
        assertThat(throttle.lockedFor("jane@example.org")).isPresent();
    }

    @Test
    void eachFurtherFailureDoublesTheDelay() {
        fail("jane@example.org", 5);
        clock.advance(Duration.ofSeconds(30));
        throttle.recordFailure("jane@example.org"); // 6th
        assertThat(throttle.lockedFor("jane@example.org")).contains(Duration.ofMinutes(1));
        clock.advance(Duration.ofMinutes(1));
        throttle.recordFailure("jane@example.org"); // 7th
        assertThat(throttle.lockedFor("jane@example.org")).contains(Duration.ofMinutes(2));
    }

    @Test
    void theDelayIsCappedAtOneHour() {
        assertThat(LoginThrottle.delay(5)).isEqualTo(Duration.ofSeconds(30));
        assertThat(LoginThrottle.delay(11)).isEqualTo(Duration.ofMinutes(32));
        assertThat(LoginThrottle.delay(12)).isEqualTo(Duration.ofHours(1));
        assertThat(LoginThrottle.delay(1_000)).isEqualTo(Duration.ofHours(1));
        fail("jane@example.org", 40);
        assertThat(throttle.lockedFor("jane@example.org")).contains(Duration.ofHours(1));
    }

    @Test
    void aSuccessClearsTheCount() {
        fail("jane@example.org", 4);
        throttle.recordSuccess("JANE@example.org");
        assertThat(throttle.recordFailure("jane@example.org")).isFalse();
        fail("jane@example.org", 3);
        assertThat(throttle.lockedFor("jane@example.org")).isEmpty();
    }

    @Test
    void theLockHoldsAsLongAsNoSuccessIsRecorded() {
        // The provider checks the lock before the password, so no success is recorded during a lock:
        // attempts during the lock, right or wrong, leave it in place until it runs out.
        fail("jane@example.org", 5);
        clock.advance(Duration.ofSeconds(10));
        assertThat(throttle.lockedFor("jane@example.org")).contains(Duration.ofSeconds(20));
        clock.advance(Duration.ofSeconds(19));
        assertThat(throttle.lockedFor("jane@example.org")).isPresent();
    }

    @Test
    void afterTheLockAFailureLocksAgainAtOnceWithTheLongerDelay() {
        fail("jane@example.org", 5);
        clock.advance(Duration.ofSeconds(31));
        assertThat(throttle.recordFailure("jane@example.org")).isTrue();
    }
}

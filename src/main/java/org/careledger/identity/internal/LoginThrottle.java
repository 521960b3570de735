package org.careledger.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Slows guessing: after {@value #FREE_ATTEMPTS} failed attempts for a username, further attempts
 * are refused, even with the right password, for a delay that doubles with each further failure
 * (30 s, 1 min, 2 min, ... at most an hour). A correct password outside a lock clears the count.
 * Counted per username, known or not, so the lock reveals nothing about which accounts exist.
 */
@Component
public class LoginThrottle {

    static final int FREE_ATTEMPTS = 5;
    static final Duration FIRST_DELAY = Duration.ofSeconds(30);
    static final Duration MAX_DELAY = Duration.ofHours(1);
    private static final int MAX_TRACKED = 100_000;

    private record Failures(int count, Instant lockedUntil) {
    }

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long attempts for this username are still refused, if they are. */
    public Optional<Duration> lockedFor(String username) {
        Failures f = failures.get(key(username));
        Instant now = Instant.now(clock);
        if (f == null || f.lockedUntil == null || !now.isBefore(f.lockedUntil)) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, f.lockedUntil));
    }

    /** Counts a failed attempt; returns true if the username is now locked. */
    public boolean recordFailure(String username) {
        if (failures.size() > MAX_TRACKED) {
            prune();
        }
        Instant now = Instant.now(clock);
        Failures f = failures.compute(key(username), (k, old) -> {
            int count = old == null ? 1 : old.count + 1;
            Instant until = count < FREE_ATTEMPTS ? null : now.plus(delay(count));
            return new Failures(count, until);
        });
        return f.lockedUntil != null;
    }

    public void recordSuccess(String username) {
        failures.remove(key(username));
    }

    static Duration delay(int failureCount) {
        int doublings = Math.min(failureCount - FREE_ATTEMPTS, 20);
        Duration d = FIRST_DELAY.multipliedBy(1L << doublings);
        return d.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : d;
    }

    private void prune() {
        Instant cutoff = Instant.now(clock).minus(MAX_DELAY);
        failures.entrySet().removeIf(e -> e.getValue().lockedUntil == null || e.getValue().lockedUntil.isBefore(cutoff));
    }

    private static String key(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }
}

package org.careledger.identity.internal;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The security log: one line per sign-in, failure, lock, approval, role change and reset, with the
 * user, the UTC time and the outcome. Never a password. User-supplied text is stripped of line
 * breaks so nobody can forge a log line.
 */
@Component
public class SecurityEvents {

    private static final Logger log = LoggerFactory.getLogger("careledger.security");

    private final Clock clock;

    SecurityEvents(Clock clock) {
        this.clock = clock;
    }

    public void record(String event, String user, String outcome) {
        log.info("event={} user={} outcome={} at={}", event, clean(user), clean(outcome), Instant.now(clock));
    }

    public void record(String event, String user, String outcome, String actor) {
        log.info("event={} user={} outcome={} by={} at={}", event, clean(user), clean(outcome), clean(actor), Instant.now(clock));
    }

    private static String clean(String text) {
        if (text == null) {
            return "-";
        }
        String oneLine = text.replaceAll("[\\r\\n\\t]", "_");
        return oneLine.length() > 120 ? oneLine.substring(0, 120) + "…" : oneLine;
    }
}

package org.careledger;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An idle signed-in session really ends: Vaadin's heartbeat and push would otherwise keep it alive
 * for ever, so Vaadin must close idle sessions and its heartbeat must be shorter than the timeout.
 */
class SessionSettingsTest extends IntegrationTest {

    @Autowired
    ServerProperties server;

    @Autowired
    Environment environment;

    @Test
    void idleSessionsCloseAfterFifteenMinutesDespiteTheHeartbeat() {
        Duration timeout = server.getServlet().getSession().getTimeout();
        assertThat(timeout).isEqualTo(Duration.ofMinutes(15));
        assertThat(environment.getProperty("vaadin.closeIdleSessions", Boolean.class)).isTrue();
        Duration heartbeat = Duration.ofSeconds(environment.getRequiredProperty("vaadin.heartbeatInterval", Long.class));
        assertThat(heartbeat).isPositive().isLessThan(timeout);
    }
}

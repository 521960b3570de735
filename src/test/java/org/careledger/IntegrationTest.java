package org.careledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.careledger.outbox.TestCalls;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the tests that need the whole application: one Spring context shared by every subclass
 * (same configuration, so Spring's test context cache starts it once per JVM), a real H2 file
 * database in a fresh data directory under target/, the demo profile's seeded providers and
 * accounts, a {@link TestClock} tests can move, and a kind of ledger call for the outbox's tests ({@link TestCalls}).
 */
@SpringBootTest
@ActiveProfiles("demo")
@Import({TestClock.Configuration.class, TestCalls.class})
public abstract class IntegrationTest {

    protected static final Path DATA_DIR = freshDataDir();

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        registry.add("careledger.data-dir", DATA_DIR::toString);
        // the demo's records are seeded by the one test that checks them, not in every context's background
        registry.add("careledger.demo.records", () -> "false");
        // the dev treasury's 100 tokens welcome 10,000 users at a hundredth of a token each, not 99 at the demo's one
        registry.add("careledger.ledger.welcome-tokens", () -> "0.01");
        // blocks every 300 ms rather than every second: the suite waits for hundreds of blocks
        registry.add("careledger.ledger.target-block-millis", () -> "300");
        // a slot may be booked until 15 s before it starts (10 minutes in production), so a story can
        // book a slot and complete it within a minute, the booking mined before the slot starts
        registry.add("careledger.appointments.booking-lead", () -> "15s");
        // no dev tools, which production never has: the browser tests then see pages, and the
        // security policy, as production serves them
        registry.add("vaadin.devmode.devTools.enabled", () -> "false");
    }

    private static Path freshDataDir() {
        try {
            Path base = Path.of("target", "test-data");
            Files.createDirectories(base);
            return Files.createTempDirectory(base.toAbsolutePath(), "it-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.careledger.pharmacy;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.careledger.pharmacy.internal.Medicine;
import org.careledger.pharmacy.internal.MedicineCatalogueSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills an empty catalogue once, from the bundled one (extracted from Synthea: see
 * {@code org/careledger/pharmacy/internal/NOTICE.md}), on a thread of its own after the portal is
 * ready, so the start does not wait for it. Every install gets it, as a starting point its admins
 * price and prune; a catalogue that holds anything is never touched again.
 */
@Component
class CatalogueSeeding {

    private static final Logger log = LoggerFactory.getLogger(CatalogueSeeding.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final CountDownLatch done = new CountDownLatch(1);

    CatalogueSeeding(JdbcTemplate jdbc, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void seedInTheBackground() {
        Thread thread = new Thread(this::seedIfEmpty, "careledger-catalogue-seed");
        thread.setDaemon(true);
        thread.start();
    }

    /** Waits until the first seeding has run (for tests and for a caller that cannot go on without a catalogue). */
    boolean awaitSeeded(long timeout, TimeUnit unit) throws InterruptedException {
        return done.await(timeout, unit);
    }

    void seedIfEmpty() {
        try {
            Integer count = transactions.execute(s -> {
                Long rows = jdbc.queryForObject("SELECT COUNT(*) FROM pharmacy_medicines", Long.class);
                if (rows != null && rows > 0) {
                    return 0;
                }
                List<Medicine> medicines = MedicineCatalogueSource.bundled();
                OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
                jdbc.batchUpdate("INSERT INTO pharmacy_medicines (rxnorm, name, form_strength, unit_price, updated_at, updated_by)"
                                + " VALUES (?, ?, ?, ?, ?, ?)", medicines.stream().map(m -> new Object[] {m.code().value(), m.name(),
                                m.formStrength().isEmpty() ? null : m.formStrength(), m.unitPrice(), now, "bundled catalogue"}).toList());
                return medicines.size();
            });
            if (count != null && count > 0) {
                log.info("Pharmacy: the medicine catalogue was empty; filled it with the {} bundled medicines", count);
            }
        } catch (RuntimeException e) {
            log.warn("Pharmacy: could not fill the medicine catalogue; it stays empty until the next start", e);
        } finally {
            done.countDown();
        }
    }
}

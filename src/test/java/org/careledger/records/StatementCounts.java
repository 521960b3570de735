package org.careledger.records;

import java.util.List;

import jakarta.persistence.EntityManagerFactory;
import org.careledger.Await;
import org.careledger.outbox.internal.OutboxRow;
import org.careledger.outbox.internal.OutboxRows;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;

/**
 * How many SQL statements one call prepares. Hibernate counts them for the whole application, so
 * the count waits until the outbox has nothing left to send or anchor (its background work would
 * add statements of its own, as the start's registry sync does to a test that runs first), and takes
 * the fewest of five calls.
 */
final class StatementCounts {

    private StatementCounts() {
    }

    static long fewest(EntityManagerFactory emf, OutboxRows outbox, Runnable call) {
        Await.until("the outbox has sent and anchored everything",
                () -> outbox.findByStatusInOrderByIdAsc(List.of(OutboxRow.Status.QUEUED, OutboxRow.Status.PENDING)).isEmpty());
        long fewest = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            Statistics statistics = emf.unwrap(SessionFactory.class).getStatistics();
            statistics.setStatisticsEnabled(true);
            try {
                statistics.clear();
                call.run();
                fewest = Math.min(fewest, statistics.getPrepareStatementCount());
            } finally {
                statistics.setStatisticsEnabled(false);
            }
        }
        return fewest;
    }
}

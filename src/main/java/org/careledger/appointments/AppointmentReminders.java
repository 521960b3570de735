package org.careledger.appointments;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.careledger.contracts.Appointment;
import org.careledger.node.LedgerService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reminds patients the day before: every few minutes, each booking made here that is active on the
 * ledger and starts within a day, not yet reminded, is marked reminded and announced
 * ({@link AppointmentDue}) in one transaction, so a reminder goes out once however often this runs or
 * the portal restarts. It starts after the application is ready, off the start path.
 */
@Component
class AppointmentReminders implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AppointmentReminders.class);
    static final long DAY_MILLIS = 24L * 3_600_000;

    private final AppointmentRows rows;
    private final AppointmentViews views;
    private final LedgerService ledger;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private ScheduledExecutorService timer;

    AppointmentReminders(AppointmentRows rows, AppointmentViews views, LedgerService ledger, ApplicationEventPublisher events,
                         TransactionTemplate transactions, Clock clock) {
        this.rows = rows;
        this.views = views;
        this.ledger = ledger;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "careledger-appointment-reminders");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::sendDueQuietly, 1, 5, TimeUnit.MINUTES);
    }

    private void sendDueQuietly() {
        try {
            sendDue();
        } catch (RuntimeException e) {
            log.warn("Appointment reminders were not sent this time: {}", e.toString());
        }
    }

    /** Sends the reminders due now; returns how many went out. */
    int sendDue() {
        long now = Instant.now(clock).toEpochMilli();
        int sent = 0;
        for (AppointmentRows.Booking b : rows.holdingBetween(now, now + DAY_MILLIS)) {
            if (b.chainId() == null) {
                continue;
            }
            Appointment a = views.onChain(b.chainId()).filter(x -> x.state().active()).orElse(null);
            if (a == null) {
                continue;
            }
            transactions.executeWithoutResult(s -> {
                rows.reminded(b.id());
                events.publishEvent(new AppointmentDue(b.id(), b.patient(), b.doctor(), views.nameAt(a.doctor()), views.nameAt(a.patient()),
                        Instant.ofEpochMilli(a.start()), a.fee(), a.booked().height()));
            });
            sent++;
        }
        return sent;
    }

    @Override
    public void destroy() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}

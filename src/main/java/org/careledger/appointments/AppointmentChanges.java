package org.careledger.appointments;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.careledger.identity.UserId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Tells the appointment pages open on someone's screen that one of their appointments changed on the
 * ledger (booked, confirmed, cancelled, declined, closed), after the change committed, so a doctor's
 * day shows a new booking without a reload. A page subscribes when attached and unsubscribes when
 * detached; a listener runs on the ledger's thread and should only ask its page to refresh.
 */
@Component
public class AppointmentChanges {

    private static final Logger log = LoggerFactory.getLogger(AppointmentChanges.class);

    private final Map<UserId, Set<Runnable>> listeners = new ConcurrentHashMap<>();

    /** Subscribes; run the returned action to unsubscribe. */
    public Runnable subscribe(UserId user, Runnable onChange) {
        listeners.computeIfAbsent(user, u -> ConcurrentHashMap.newKeySet()).add(onChange);
        return () -> listeners.computeIfPresent(user, (u, set) -> {
            set.remove(onChange);
            return set.isEmpty() ? null : set;
        });
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(AppointmentBooked e) {
        tell(e.doctor(), e.patient());
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(AppointmentConfirmed e) {
        tell(e.doctor(), e.patient());
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(AppointmentCancelled e) {
        tell(e.doctor(), e.patient());
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(AppointmentDeclined e) {
        tell(e.doctor(), e.patient());
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(AppointmentClosed e) {
        tell(e.doctor(), e.patient());
    }

    private void tell(UserId... users) {
        for (UserId user : users) {
            for (Runnable listener : listeners.getOrDefault(user, Set.of())) {
                try {
                    listener.run();
                } catch (RuntimeException e) {
                    log.warn("An appointment page of {} could not be told of a change: {}", user, e.toString());
                }
            }
        }
    }
}

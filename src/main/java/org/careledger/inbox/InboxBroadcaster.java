package org.careledger.inbox;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.careledger.identity.UserId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Pushes inbox changes to the screens of users who are online. A view subscribes when attached and
 * unsubscribes when detached; a listener is told the new unread count after the change committed.
 */
@Component
public class InboxBroadcaster {

    private static final Logger log = LoggerFactory.getLogger(InboxBroadcaster.class);

    private final Map<UserId, Set<Consumer<Long>>> listeners = new ConcurrentHashMap<>();

    /** Subscribes; run the returned action to unsubscribe. */
    public Runnable subscribe(UserId user, Consumer<Long> onUnreadCount) {
        listeners.computeIfAbsent(user, u -> ConcurrentHashMap.newKeySet()).add(onUnreadCount);
        return () -> listeners.computeIfPresent(user, (u, set) -> {
            set.remove(onUnreadCount);
            return set.isEmpty() ? null : set;
        });
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(InboxChanged changed) {
        for (Consumer<Long> listener : listeners.getOrDefault(changed.recipient(), Set.of())) {
            try {
                listener.accept(changed.unreadCount());
            } catch (RuntimeException e) {
                log.warn("An inbox listener for {} failed: {}", changed.recipient(), e.toString());
            }
        }
    }
}

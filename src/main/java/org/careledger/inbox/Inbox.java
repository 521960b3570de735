package org.careledger.inbox;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.PermitAll;

import org.careledger.common.NotFoundException;
import org.careledger.identity.CurrentUser;
import org.careledger.identity.UserId;
import org.careledger.inbox.internal.Notification;
import org.careledger.inbox.internal.NotificationRepository;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The inbox. Other modules {@link #send} inside their own transaction, so a notification exists
 * exactly when the change it reports does; a signed-in user reads and marks only their own.
 */
@Service
@Transactional
public class Inbox {

    public static final int PAGE = 100;

    private final NotificationRepository notifications;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Inbox(NotificationRepository notifications, CurrentUser currentUser, ApplicationEventPublisher events, Clock clock) {
        this.notifications = notifications;
        this.currentUser = currentUser;
        this.events = events;
        this.clock = clock;
    }

    /** Adds a notification to a user's inbox, in the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void send(UserId recipient, String title, String body, String link) {
        notifications.save(new Notification(recipient.value(), clip(title, 200), clip(body, 2000), link, Instant.now(clock)));
        events.publishEvent(new InboxChanged(recipient, notifications.countByRecipientIdAndReadAtIsNull(recipient.value())));
    }

    @PermitAll
    @Transactional(readOnly = true)
    public List<InboxMessage> mine() {
        return notifications.findByRecipientIdOrderByCreatedAtDescIdDesc(me().value(), Limit.of(PAGE))
                .stream().map(Notification::message).toList();
    }

    @PermitAll
    @Transactional(readOnly = true)
    public long myUnreadCount() {
        return notifications.countByRecipientIdAndReadAtIsNull(me().value());
    }

    @PermitAll
    public void markRead(long messageId) {
        UserId me = me();
        Notification n = notifications.findById(messageId)
                .filter(found -> found.getRecipientId() == me.value())
                .orElseThrow(() -> new NotFoundException("No such message in your inbox"));
        n.markRead(Instant.now(clock));
        events.publishEvent(new InboxChanged(me, notifications.countByRecipientIdAndReadAtIsNull(me.value())));
    }

    @PermitAll
    public void markAllRead() {
        UserId me = me();
        notifications.markAllRead(me.value(), Instant.now(clock));
        events.publishEvent(new InboxChanged(me, 0));
    }

    private UserId me() {
        return currentUser.require().id();
    }

    private static String clip(String text, int max) {
        String t = text == null ? "" : text;
        return t.length() <= max ? t : t.substring(0, max - 1) + "…";
    }
}

package org.careledger.inbox;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.annotation.security.PermitAll;

import org.careledger.common.NotFoundException;
import org.careledger.identity.CurrentUser;
import org.careledger.identity.UserId;
import org.careledger.inbox.internal.Notification;
import org.careledger.inbox.internal.NotificationRepository;
import org.careledger.inbox.internal.Subject;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The inbox. Its listeners {@link #send} inside a transaction, so a notification exists exactly when
 * the change it reports does; a signed-in user reads and marks only their own. A notification that
 * asks someone to act names its {@link Subject}, and the event that settles the subject
 * {@link #settle settles} it for everyone who was told: handled, read, and saying how.
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

    /** Adds a notification that waits on nothing to a user's inbox, in the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void send(UserId recipient, String title, String body, String link) {
        send(recipient, null, title, body, link);
    }

    /** Adds a notification about {@code subject} (null: nothing waits) to a user's inbox, in the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void send(UserId recipient, Subject subject, String title, String body, String link) {
        notifications.save(new Notification(recipient.value(), subject, clip(title, 200), clip(body, 2000), link, Instant.now(clock)));
        events.publishEvent(new InboxChanged(recipient, notifications.countByRecipientIdAndReadAtIsNull(recipient.value())));
    }

    /**
     * Marks the notifications about {@code subject} that nobody had settled handled, for every
     * recipient (only the oldest per recipient for a {@linkplain Subject.Kind#oneAtATime one-at-a-time}
     * kind), in the caller's transaction; each recipient whose unread count fell is told the new count.
     *
     * @param actor     who settled it (reads {@code actorSees}), or null if nobody in this portal did
     * @param actorSees how it was settled, as its actor reads it ("You granted this request")
     * @param othersSee how it was settled, as everyone else reads it ("Approved by Ada Lovelace")
     * @return how many notifications were settled
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int settle(Subject subject, UserId actor, String actorSees, String othersSee) {
        Map<Long, List<Notification>> waiting = new LinkedHashMap<>();
        notifications.findBySubjectKindAndSubjectIdAndSettledAtIsNullOrderByCreatedAtAscIdAsc(subject.kind(), subject.id())
                .forEach(n -> waiting.computeIfAbsent(n.getRecipientId(), r -> new ArrayList<>()).add(n));
        Instant now = Instant.now(clock);
        Set<Long> fewerUnread = new LinkedHashSet<>();
        int settled = 0;
        for (Map.Entry<Long, List<Notification>> recipient : waiting.entrySet()) {
            String how = clip(actor != null && actor.value() == recipient.getKey() ? actorSees : othersSee, 300);
            List<Notification> toSettle = subject.kind().oneAtATime() ? recipient.getValue().subList(0, 1) : recipient.getValue();
            for (Notification n : toSettle) {
                if (n.settle(now, how)) {
                    fewerUnread.add(recipient.getKey());
                }
                settled++;
            }
        }
        notifications.flush();
        for (Long recipient : fewerUnread) {
            events.publishEvent(new InboxChanged(new UserId(recipient), notifications.countByRecipientIdAndReadAtIsNull(recipient)));
        }
        return settled;
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

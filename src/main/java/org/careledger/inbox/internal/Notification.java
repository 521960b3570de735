package org.careledger.inbox.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.careledger.inbox.InboxMessage;

@Entity
@Table(name = "notifications")
public class Notification {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "recipient_id", nullable = false)
    private Long recipientId;

    @Column(nullable = false)
    private String title;

    @Column(nullable = false)
    private String body;

    private String link;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "read_at")
    private Instant readAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "subject_kind")
    private Subject.Kind subjectKind;

    @Column(name = "subject_id")
    private String subjectId;

    @Column(name = "settled_at")
    private Instant settledAt;

    private String outcome;

    protected Notification() {
    }

    public Notification(Long recipientId, String title, String body, String link, Instant createdAt) {
        this(recipientId, null, title, body, link, createdAt);
    }

    /** A notification about {@code subject} (null: about nothing that waits for anyone). */
    public Notification(Long recipientId, Subject subject, String title, String body, String link, Instant createdAt) {
        this.recipientId = recipientId;
        this.subjectKind = subject == null ? null : subject.kind();
        this.subjectId = subject == null ? null : subject.id();
        this.title = title;
        this.body = body;
        this.link = link;
        this.createdAt = createdAt;
    }

    public void markRead(Instant at) {
        if (readAt == null) {
            readAt = at;
        }
    }

    /**
     * Records how the subject was settled; the notification is read from then on.
     *
     * @return whether it was unread until now (its recipient's unread count fell)
     */
    public boolean settle(Instant at, String how) {
        boolean wasUnread = readAt == null;
        settledAt = at;
        outcome = how;
        markRead(at);
        return wasUnread;
    }

    public Long getRecipientId() {
        return recipientId;
    }

    public InboxMessage message() {
        return new InboxMessage(id, title, body, link, createdAt, readAt, outcome, settledAt);
    }
}

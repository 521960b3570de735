package org.careledger.inbox.internal;

import java.time.Instant;
import java.util.List;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface NotificationRepository extends JpaRepository<Notification, Long> {

    List<Notification> findByRecipientIdOrderByCreatedAtDescIdDesc(Long recipientId, Limit limit);

    long countByRecipientIdAndReadAtIsNull(Long recipientId);

    /** Every recipient's notifications about a subject that nobody has settled yet, oldest first. */
    List<Notification> findBySubjectKindAndSubjectIdAndSettledAtIsNullOrderByCreatedAtAscIdAsc(Subject.Kind kind, String subjectId);

    @Modifying
    @Query("update Notification n set n.readAt = :at where n.recipientId = :recipient and n.readAt is null")
    int markAllRead(@Param("recipient") Long recipientId, @Param("at") Instant at);
}

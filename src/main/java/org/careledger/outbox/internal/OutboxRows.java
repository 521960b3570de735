package org.careledger.outbox.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface OutboxRows extends JpaRepository<OutboxRow, Long> {

    List<OutboxRow> findByStatusOrderByIdAsc(OutboxRow.Status status);

    List<OutboxRow> findByStatusInOrderByIdAsc(Collection<OutboxRow.Status> statuses);

    List<OutboxRow> findByIdInOrderByIdAsc(Collection<Long> ids);

    Optional<OutboxRow> findFirstByTxId(String txId);

    List<OutboxRow> findByRelatedIdAndKindOrderByIdDesc(String relatedId, String kind);

    List<OutboxRow> findByRelatedIdInAndKindOrderByIdDesc(java.util.Collection<String> relatedIds, String kind);

    List<OutboxRow> findBySubjectAndKindOrderByIdDesc(String subject, String kind);

    List<OutboxRow> findBySubjectAndStatusInOrderByIdAsc(String subject, Collection<OutboxRow.Status> statuses);

    List<OutboxRow> findBySubjectAndKindAndStatusIn(String subject, String kind, Collection<OutboxRow.Status> statuses);

    List<OutboxRow> findByKindAndStatusIn(String kind, Collection<OutboxRow.Status> statuses);

    List<OutboxRow> findBySignerUserIdAndStatusOrderByIdAsc(Long signerUserId, OutboxRow.Status status);

    List<OutboxRow> findBySignerKeyAndStatusOrderByIdAsc(String signerKey, OutboxRow.Status status);

    List<OutboxRow> findBySignerUserIdAndStatusInOrderByIdAsc(Long signerUserId, Collection<OutboxRow.Status> statuses);

    List<OutboxRow> findBySignerKeyAndStatusInOrderByIdAsc(String signerKey, Collection<OutboxRow.Status> statuses);
}

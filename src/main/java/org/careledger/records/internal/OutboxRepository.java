package org.careledger.records.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface OutboxRepository extends JpaRepository<OutboxItem, Long> {

    List<OutboxItem> findByStatusInOrderByIdAsc(Collection<OutboxItem.Status> statuses);

    Optional<OutboxItem> findFirstByTxId(String txId);

    List<OutboxItem> findByRelatedIdOrderByIdDesc(String relatedId);

    List<OutboxItem> findByPatientAddressAndKindAndStatusIn(String patientAddress, OutboxItem.Kind kind,
                                                            Collection<OutboxItem.Status> statuses);

    List<OutboxItem> findByPatientAddressAndKindOrderByIdDesc(String patientAddress, OutboxItem.Kind kind);
}

package org.careledger.records.internal;

import java.util.Collection;
import java.util.List;

import org.careledger.records.EntryStatus;
import org.springframework.data.jpa.repository.JpaRepository;

public interface StoredEntryRepository extends JpaRepository<StoredEntry, String> {

    List<StoredEntry> findByPatientIdAndStatusInOrderByCreatedAtDescEntryIdAsc(long patientId, Collection<EntryStatus> statuses);

    /** A patient's entries as history reads: the latest clinical date first, then the latest stored. */
    List<StoredEntry> findByPatientIdAndStatusInOrderByClinicalDateDescCreatedAtDescEntryIdAsc(long patientId,
                                                                                           Collection<EntryStatus> statuses);

    List<StoredEntry> findByPatientAddressAndStatusInOrderByClinicalDateDescCreatedAtDescEntryIdAsc(String patientAddress,
                                                                                                Collection<EntryStatus> statuses);

    List<StoredEntry> findByPatientAddressAndAuthorIdOrderByCreatedAtDesc(String patientAddress, long authorId);

    List<StoredEntry> findByErasureRequestedAtIsNotNullAndStatusOrderByErasureRequestedAtAsc(EntryStatus status);
}

package org.careledger.records.internal;

import org.springframework.data.jpa.repository.JpaRepository;

public interface PatientRecordKeyRepository extends JpaRepository<PatientRecordKey, Long> {
}

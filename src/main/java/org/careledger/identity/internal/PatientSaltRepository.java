package org.careledger.identity.internal;

import org.springframework.data.jpa.repository.JpaRepository;

public interface PatientSaltRepository extends JpaRepository<PatientSalt, Long> {
}

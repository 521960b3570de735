package org.careledger.identity.internal;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface RegistrationAttemptRepository extends JpaRepository<RegistrationAttempt, Long> {

    List<RegistrationAttempt> findByDismissedAtIsNullOrderByCreatedAtAsc();
}

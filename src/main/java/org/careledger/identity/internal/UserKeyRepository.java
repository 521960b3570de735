package org.careledger.identity.internal;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface UserKeyRepository extends JpaRepository<UserKey, Long> {

    Optional<UserKey> findByAddressIgnoreCase(String address);
}

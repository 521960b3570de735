package org.careledger.identity.internal;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ProviderKeyRepository extends JpaRepository<ProviderKey, Long> {
}

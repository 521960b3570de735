package org.careledger.provider.internal;

import java.util.List;
import java.util.Optional;

import org.careledger.provider.ProviderKind;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ProviderRepository extends JpaRepository<ProviderEntity, Long> {

    List<ProviderEntity> findAllByOrderByNameAsc();

    List<ProviderEntity> findByKindOrderByNameAsc(ProviderKind kind);

    Optional<ProviderEntity> findByNameIgnoreCase(String name);
}

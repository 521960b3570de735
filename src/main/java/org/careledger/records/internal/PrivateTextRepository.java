package org.careledger.records.internal;

import org.springframework.data.jpa.repository.JpaRepository;

public interface PrivateTextRepository extends JpaRepository<PrivateText, String> {
}

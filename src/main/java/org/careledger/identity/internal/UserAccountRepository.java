package org.careledger.identity.internal;

import java.util.List;
import java.util.Optional;

import org.careledger.identity.AccountStatus;
import org.careledger.identity.Role;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface UserAccountRepository extends JpaRepository<UserAccount, Long> {

    Optional<UserAccount> findByUsernameIgnoreCase(String username);

    boolean existsByEmailIgnoreCase(String email);

    Optional<UserAccount> findByEmailIgnoreCase(String email);

    boolean existsByUsernameIgnoreCase(String username);

    List<UserAccount> findByStatusOrderByCreatedAtAsc(AccountStatus status);

    List<UserAccount> findByRoleAndStatus(Role role, AccountStatus status);

    long countByRoleAndStatus(Role role, AccountStatus status);

    long countByStatus(AccountStatus status);

    @Query("""
            select u from UserAccount u
            where (:role is null or u.role = :role)
              and (:status is null or u.status = :status)
              and (:text = '' or lower(u.fullName) like concat('%', :text, '%')
                   or lower(u.username) like concat('%', :text, '%'))
            order by u.fullName""")
    List<UserAccount> search(@Param("text") String lowerText, @Param("role") Role role, @Param("status") AccountStatus status);
}

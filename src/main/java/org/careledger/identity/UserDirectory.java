package org.careledger.identity;

import java.util.List;
import java.util.Optional;

import org.careledger.crypto.Address;
import org.careledger.identity.internal.UserAccount;
import org.careledger.identity.internal.UserAccountRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read access to accounts for other modules (the inbox finds the admins to tell, for example). */
@Service
@Transactional(readOnly = true)
public class UserDirectory {

    private final UserAccountRepository accounts;
    private final KeyCustody custody;

    UserDirectory(UserAccountRepository accounts, KeyCustody custody) {
        this.accounts = accounts;
        this.custody = custody;
    }

    public Optional<UserProfile> find(UserId id) {
        return accounts.findById(id.value()).map(this::profile);
    }

    public Optional<UserProfile> findByUsername(String username) {
        return accounts.findByUsernameIgnoreCase(username == null ? "" : username.strip()).map(this::profile);
    }

    public List<UserId> activeUsersWithRole(Role role) {
        return accounts.findByRoleAndStatus(role, AccountStatus.ACTIVE).stream().map(UserAccount::userId).toList();
    }

    /** Every active user's ledger address and role, for the on-chain registry. */
    public List<LedgerIdentity> activeLedgerIdentities() {
        return accounts.findAll().stream()
                .filter(a -> a.getStatus() == AccountStatus.ACTIVE)
                .flatMap(a -> custody.addressOf(a.userId()).map(address -> new LedgerIdentity(address, a.getRole())).stream())
                .toList();
    }

    /** A user as the ledger's registry knows them. */
    public record LedgerIdentity(Address address, Role role) {
    }

    UserProfile profile(UserAccount account) {
        return account.profile(custody.addressOf(account.userId()).orElse(null));
    }
}

package org.careledger.identity;

import java.util.List;
import java.util.Map;
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

    /** The active users of a role with their addresses, in two queries however many there are. */
    public List<UserProfile> activeProfilesWithRole(Role role) {
        return profiles(accounts.findByRoleAndStatus(role, AccountStatus.ACTIVE));
    }

    public List<UserId> activeUsersWithRole(Role role) {
        return accounts.findByRoleAndStatus(role, AccountStatus.ACTIVE).stream().map(UserAccount::userId).toList();
    }

    /** Every active user's ledger address and role, for the on-chain registry. */
    public List<LedgerIdentity> activeLedgerIdentities() {
        List<UserAccount> active = accounts.findAll().stream().filter(a -> a.getStatus() == AccountStatus.ACTIVE).toList();
        Map<UserId, Address> addresses = custody.addressesOf(active.stream().map(UserAccount::userId).toList());
        return active.stream()
                .filter(a -> addresses.containsKey(a.userId()))
                .map(a -> new LedgerIdentity(addresses.get(a.userId()), a.getRole()))
                .toList();
    }

    /** A user as the ledger's registry knows them. */
    public record LedgerIdentity(Address address, Role role) {
    }

    UserProfile profile(UserAccount account) {
        return account.profile(custody.addressOf(account.userId()).orElse(null));
    }

    /** Many users' profiles with their addresses read in one query, not one per user. */
    List<UserProfile> profiles(List<UserAccount> list) {
        Map<UserId, Address> addresses = custody.addressesOf(list.stream().map(UserAccount::userId).toList());
        return list.stream().map(a -> a.profile(addresses.get(a.userId()))).toList();
    }
}

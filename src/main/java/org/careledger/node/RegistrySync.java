package org.careledger.node;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import org.careledger.contracts.ContractState;
import org.careledger.contracts.Registry;
import org.careledger.crypto.Address;
import org.careledger.identity.KeyCustody;
import org.careledger.identity.Role;
import org.careledger.identity.UserApproved;
import org.careledger.identity.UserDirectory;
import org.careledger.identity.UserId;
import org.careledger.identity.UserProfile;
import org.careledger.identity.UserRoleChanged;
import org.careledger.ledger.Arg;
import org.careledger.ledger.Transaction;
import org.careledger.ledger.TransactionRejectedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps the ledger's registry in step with the portal's users. When an admin approves a user or
 * changes a staff member's role, the admin's own key (in custody) signs the registration, as the
 * registry contract expects of admins. An admin the chain does not know as an admin yet (the very
 * first one) is covered by the home node's sealer, which the contract also accepts. At start, every
 * active user whose role the chain does not hold (a demo seed, or an approval whose transaction a
 * crash lost) is registered by the sealer.
 */
@Component
class RegistrySync {

    private static final Logger log = LoggerFactory.getLogger(RegistrySync.class);

    private final LedgerService ledger;
    private final UserDirectory directory;
    private final KeyCustody custody;
    private final ConsortiumSetup setup;

    RegistrySync(LedgerService ledger, UserDirectory directory, KeyCustody custody, ConsortiumSetup setup) {
        this.ledger = ledger;
        this.directory = directory;
        this.custody = custody;
        this.setup = setup;
        ledger.whenReady(this::reconcileInBackground);
    }

    @TransactionalEventListener
    void on(UserApproved approved) {
        registerAs(approved.approvedBy(), Address.parse(approved.ledgerAddress()), approved.role());
    }

    @TransactionalEventListener
    void on(UserRoleChanged changed) {
        directory.find(changed.user()).map(UserProfile::ledgerAddress)
                .ifPresent(address -> registerAs(changed.changedBy(), Address.parse(address), changed.to()));
    }

    private void registerAs(String adminUsername, Address user, Role role) {
        try {
            Optional<UserProfile> admin = directory.findByUsername(adminUsername)
                    .filter(a -> a.ledgerAddress() != null && isAdminOnChain(Address.parse(a.ledgerAddress())));
            if (admin.isPresent()) {
                UserId adminId = admin.get().id();
                custody.withPrivateKey(adminId, key -> ledger.submit(key, Registry.register(user, role.name()), 0));
            } else {
                ledger.submit(setup.homeSealerKey(), Registry.register(user, role.name()), 0);
            }
        } catch (TransactionRejectedException | LedgerUnavailableException e) {
            log.warn("Could not register {} as {} on the ledger now ({}); the next start retries", user, role, e.getMessage());
        }
    }

    private boolean isAdminOnChain(Address address) {
        return Registry.roleOf(ledger.committedState().view(), address).filter("ADMIN"::equals).isPresent();
    }

    /** Once the ledger has started (after the demo seed): registers whoever is missing. */
    private void reconcileInBackground() {
        Thread t = new Thread(this::reconcile, "careledger-registry-sync");
        t.setDaemon(true);
        t.start();
    }

    void reconcile() {
        ContractState state;
        try {
            state = ledger.committedState();
        } catch (LedgerUnavailableException e) {
            log.warn("Ledger registry not reconciled: {}", e.getMessage());
            return;
        }
        Set<Address> pending = new HashSet<>();
        for (Transaction tx : ledger.pending()) {
            if (tx.call().contract().equals(Registry.NAME) && tx.call().args().get(0) instanceof Arg.Addr a) {
                pending.add(a.value());
            }
        }
        int submitted = 0;
        for (UserDirectory.LedgerIdentity identity : directory.activeLedgerIdentities()) {
            Address address = Address.parse(identity.address());
            boolean current = Registry.roleOf(state.view(), address).filter(identity.role().name()::equals).isPresent();
            if (!current && !pending.contains(address)) {
                try {
                    ledger.submit(setup.homeSealerKey(), Registry.register(address, identity.role().name()), 0);
                    submitted++;
                } catch (TransactionRejectedException | LedgerUnavailableException e) {
                    log.warn("Could not register {} on the ledger: {}", address, e.getMessage());
                }
            }
        }
        if (submitted > 0) {
            log.info("Ledger registry: submitted {} registration(s) of approved users", submitted);
        }
    }
}

package org.careledger.node;

import java.util.HashSet;
import java.util.Set;

import org.careledger.contracts.ContractState;
import org.careledger.contracts.DevConsortium;
import org.careledger.contracts.Registry;
import org.careledger.crypto.Address;
import org.careledger.identity.UserApproved;
import org.careledger.identity.UserDirectory;
import org.careledger.ledger.Transaction;
import org.careledger.ledger.TransactionRejectedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps the ledger's registry in step with the portal's approved users: a user approved by an admin
 * is registered on chain with their role, and at start every active user missing from the registry
 * (a demo seed, or an approval whose transaction a crash lost) is registered. The home node's
 * sealer signs these registrations, which the registry contract allows for sealers.
 */
@Component
class RegistrySync {

    private static final Logger log = LoggerFactory.getLogger(RegistrySync.class);

    private final LedgerService ledger;
    private final UserDirectory directory;

    RegistrySync(LedgerService ledger, UserDirectory directory) {
        this.ledger = ledger;
        this.directory = directory;
        ledger.whenReady(this::reconcileInBackground);
    }

    @TransactionalEventListener
    void on(UserApproved approved) {
        register(Address.parse(approved.ledgerAddress()), approved.role().name());
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
            if (tx.call().contract().equals(Registry.NAME) && tx.call().args().get(0) instanceof org.careledger.ledger.Arg.Addr a) {
                pending.add(a.value());
            }
        }
        int submitted = 0;
        for (UserDirectory.LedgerIdentity identity : directory.activeLedgerIdentities()) {
            Address address = Address.parse(identity.address());
            if (Registry.roleOf(state.view(), address).isEmpty() && !pending.contains(address)) {
                register(address, identity.role().name());
                submitted++;
            }
        }
        if (submitted > 0) {
            log.info("Ledger registry: submitted {} registration(s) of approved users", submitted);
        }
    }

    private void register(Address user, String role) {
        try {
            ledger.submit(DevConsortium.sealerKey(0), Registry.register(user, role), 0);
        } catch (TransactionRejectedException | LedgerUnavailableException e) {
            log.warn("Could not register {} as {} on the ledger: {}", user, role, e.getMessage());
        }
    }
}

package org.careledger.registry;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.careledger.contracts.ContractState;
import org.careledger.contracts.Registry;
import org.careledger.crypto.Address;
import org.careledger.identity.Role;
import org.careledger.identity.UserApproved;
import org.careledger.identity.UserDirectory;
import org.careledger.identity.UserProfile;
import org.careledger.identity.UserRoleChanged;
import org.careledger.node.InstallKey;
import org.careledger.node.LedgerService;
import org.careledger.node.LedgerUnavailableException;
import org.careledger.outbox.CallHook;
import org.careledger.outbox.CallKind;
import org.careledger.outbox.LedgerOutbox;
import org.careledger.outbox.LedgerRefusedException;
import org.careledger.outbox.QueuedCall;
import org.careledger.outbox.Refusal;
import org.careledger.outbox.Signer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Registers users on the ledger's registry. An approval or a role change queues the registration in
 * its own transaction, signed by the admin who made it (as the registry contract expects of admins),
 * or by the home node's sealer while the chain does not know that admin as an admin yet (the very
 * first one); a doctor's or pharmacist's affiliation with their provider follows it, with the same
 * signer ({@link Affiliations}). Once the ledger is ready after a start, on a background thread and
 * all by the sealer, in this order: every provider's account is opened and registered if it is not
 * ({@link ProviderAccounts}), every active user whose role the chain does not hold and who has no
 * registration on its way is registered, and every member whose affiliation is missing is affiliated.
 */
@Component
class RegistrySync implements CallHook {

    static final CallKind REGISTER = new CallKind("registry", "register");

    private static final Logger log = LoggerFactory.getLogger(RegistrySync.class);

    private final LedgerService ledger;
    private final LedgerOutbox outbox;
    private final UserDirectory directory;
    private final TransactionTemplate transactions;
    private final ProviderAccounts providerAccounts;
    private final Affiliations affiliations;

    RegistrySync(LedgerService ledger, LedgerOutbox outbox, UserDirectory directory, TransactionTemplate transactions,
                 ProviderAccounts providerAccounts, Affiliations affiliations) {
        this.ledger = ledger;
        this.outbox = outbox;
        this.directory = directory;
        this.transactions = transactions;
        this.providerAccounts = providerAccounts;
        this.affiliations = affiliations;
        ledger.whenReady(this::reconcileInBackground);
    }

    @Override
    public Set<CallKind> kinds() {
        return Set.of(REGISTER);
    }

    @Override
    public Optional<String> refused(QueuedCall call, Refusal refusal) {
        log.warn("The ledger refused to register {} ({}: {}); the next start tries again", call.subject(), refusal.rule(), refusal.reason());
        return Optional.empty();
    }

    /** In the approval's transaction: the registration is queued with it, or not at all. */
    @EventListener
    void on(UserApproved approved) {
        Signer signer = signerFor(approved.approvedBy());
        register(signer, approved.ledgerAddress(), approved.role());
        directory.find(approved.user()).ifPresent(member -> affiliations.affiliate(signer, member, approved.role()));
    }

    /** A new role is registered and, for a doctor or pharmacist, the affiliation queued again after it. */
    @EventListener
    void on(UserRoleChanged changed) {
        directory.find(changed.user()).filter(user -> user.ledgerAddress() != null).ifPresent(user -> {
            Signer signer = signerFor(changed.changedBy());
            register(signer, user.ledgerAddress(), changed.to());
            affiliations.affiliate(signer, user, changed.to());
        });
    }

    private void register(Signer signer, Address user, Role role) {
        try {
            outbox.queue(REGISTER, signer, user.toString(), role.name(), Registry.register(user, role.name()));
        } catch (LedgerRefusedException e) {
            // never undoes the approval: the next start registers whoever the chain does not know
            log.warn("Could not register {} as {} on the ledger now ({}); the next start tries again", user, role, e.refusal().reason());
        }
    }

    /** The admin's own key once the chain knows them as an admin; until then the home node's sealer. */
    private Signer signerFor(String adminUsername) {
        Optional<UserProfile> admin = directory.findByUsername(adminUsername)
                .filter(a -> a.ledgerAddress() != null && isAdminOnChain(a.ledgerAddress()));
        return admin.<Signer>map(a -> Signer.user(a.id())).orElse(Signer.install(InstallKey.HOME_SEALER));
    }

    private boolean isAdminOnChain(Address address) {
        try {
            return Registry.roleOf(ledger.committedState().view(), address).filter("ADMIN"::equals).isPresent();
        } catch (LedgerUnavailableException e) {
            return false;
        }
    }

    /**
     * A call takes its nonce when it is signed, at sending, and a newly queued call is sent by its
     * caller at once: without this, the sealer's calls queued below would overtake those queued while
     * the ledger was starting (the demo's providers' registrations), and an affiliation would reach the
     * chain before its provider's registration. (The outbox sends a caller's new calls without the
     * signer's older queued ones; once the start's queue is sent, nothing older waits.)
     */
    private void sendWhatWasQueuedWhileStarting() {
        try {
            outbox.sweep();
        } catch (RuntimeException e) {
            log.warn("Outbox sweep before the registry's catch-up failed: {}", e.toString());
        }
    }

    private void reconcileInBackground() {
        Thread t = new Thread(this::reconcile, "careledger-registry-sync");
        t.setDaemon(true);
        t.start();
    }

    /**
     * Registers, by the sealer, every provider account and active user the chain does not know in
     * their role and whose registration is not on its way, then the missing affiliations.
     */
    void reconcile() {
        try {
            ledger.committedState(); // waits until the ledger is ready: the ready callbacks run just before
            sendWhatWasQueuedWhileStarting();
            // what is on its way is read before the state: a call settled in between is then in the state
            Set<String> registering = subjects(outbox.inFlight(REGISTER));
            Set<String> affiliating = subjects(outbox.inFlight(Affiliations.AFFILIATE));
            reconcile(ledger.committedState(), registering, affiliating);
        } catch (LedgerUnavailableException e) {
            log.warn("Ledger registry not reconciled: {}", e.getMessage());
        }
    }

    private static Set<String> subjects(List<QueuedCall> calls) {
        return calls.stream().map(QueuedCall::subject).collect(Collectors.toSet());
    }

    private void reconcile(ContractState state, Set<String> registering, Set<String> affiliating) {
        int providers = providerAccounts.reconcile(state, registering);
        if (providers > 0) {
            log.info("Ledger registry: queued {} provider account(s) opened or registered", providers);
        }
        int queued = 0;
        for (UserDirectory.LedgerIdentity identity : directory.activeLedgerIdentities()) {
            Address address = identity.address();
            boolean current = Registry.roleOf(state.view(), address).filter(identity.role().name()::equals).isPresent();
            if (current || registering.contains(address.toString())) {
                continue;
            }
            try {
                transactions.executeWithoutResult(s -> outbox.queue(REGISTER, Signer.install(InstallKey.HOME_SEALER), address.toString(),
                        identity.role().name(), Registry.register(address, identity.role().name())));
                queued++;
            } catch (LedgerRefusedException e) {
                log.warn("Could not register {} on the ledger: {}", address, e.refusal().reason());
            }
        }
        if (queued > 0) {
            log.info("Ledger registry: queued {} registration(s) of approved users", queued);
        }
        int affiliated = affiliations.reconcile(state, affiliating);
        if (affiliated > 0) {
            log.info("Ledger registry: queued {} affiliation(s) of doctors and pharmacists with their providers", affiliated);
        }
    }
}

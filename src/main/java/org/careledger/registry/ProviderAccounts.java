package org.careledger.registry;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import jakarta.annotation.security.RolesAllowed;

import org.careledger.common.NotFoundException;
import org.careledger.contracts.ContractState;
import org.careledger.contracts.Registry;
import org.careledger.contracts.Tokens;
import org.careledger.crypto.Address;
import org.careledger.identity.ProviderKeyCustody;
import org.careledger.node.InstallKey;
import org.careledger.node.LedgerService;
import org.careledger.node.LedgerUnavailableException;
import org.careledger.outbox.LedgerOutbox;
import org.careledger.outbox.LedgerRefusedException;
import org.careledger.outbox.Signer;
import org.careledger.provider.ProviderAccount;
import org.careledger.provider.ProviderCreated;
import org.careledger.provider.ProviderKindChanged;
import org.careledger.provider.ProviderLedgerAccounts;
import org.careledger.provider.ProviderView;
import org.careledger.provider.Providers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Each provider's own ledger account: the payee of its invoices, whose key the portal holds in
 * custody ({@link ProviderKeyCustody}) as it holds a user's. The account is opened in the transaction
 * that creates the provider and registered on chain in the role of its kind ({@code HOSPITAL} or
 * {@code PHARMACY}) by the home node's sealer, through the outbox; a change of kind registers it
 * again. Providers that have no account yet (created before accounts existed) get one at start, in
 * the background. Other modules sign as a provider with {@link #signerOf} (a pharmacy's refund).
 */
@Service
public class ProviderAccounts implements ProviderLedgerAccounts {

    private static final Logger log = LoggerFactory.getLogger(ProviderAccounts.class);

    private final ProviderKeyCustody custody;
    private final Providers providers;
    private final LedgerService ledger;
    private final LedgerOutbox outbox;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;

    ProviderAccounts(ProviderKeyCustody custody, Providers providers, LedgerService ledger, LedgerOutbox outbox,
                     ApplicationEventPublisher events, TransactionTemplate transactions) {
        this.custody = custody;
        this.providers = providers;
        this.ledger = ledger;
        this.outbox = outbox;
        this.events = events;
        this.transactions = transactions;
    }

    /** The provider's account address, once it has one. */
    public Optional<Address> addressOf(long providerId) {
        return custody.addressOf(providerId);
    }

    /**
     * The signer for calls the provider's own account makes (a pharmacy's refund or invoice cancellation).
     *
     * @throws NotFoundException if the provider has no ledger account (yet)
     */
    public Signer signerOf(long providerId) {
        if (custody.addressOf(providerId).isEmpty()) {
            throw new NotFoundException("Healthcare provider " + providerId + " has no ledger account yet");
        }
        return Signer.provider(providerId);
    }

    /** The role the provider's account holds on chain: its kind's name, {@code HOSPITAL} or {@code PHARMACY}. */
    static String roleOf(ProviderView provider) {
        return provider.kind().name();
    }

    /** Admins only: the Providers page's column, read from the committed state. */
    @Override
    @RolesAllowed("ADMIN")
    public Map<Long, ProviderAccount> accounts() {
        Map<Long, Address> addresses = custody.addresses();
        ContractState state = committedStateOrNull();
        Map<Long, ProviderAccount> out = new HashMap<>();
        addresses.forEach((id, address) -> out.put(id, new ProviderAccount(address,
                state == null ? OptionalLong.empty() : OptionalLong.of(Tokens.balanceOf(state.view(), address)))));
        return out;
    }

    private ContractState committedStateOrNull() {
        try {
            return ledger.committedState();
        } catch (LedgerUnavailableException e) {
            return null;
        }
    }

    /** In the creating transaction: the account is opened and its registration queued with the provider. */
    @EventListener
    void on(ProviderCreated created) {
        open(created.provider());
    }

    @EventListener
    void on(ProviderKindChanged changed) {
        custody.addressOf(changed.provider().id()).ifPresent(address -> register(changed.provider(), address));
    }

    private void open(ProviderView provider) {
        Address address = custody.issueKey(provider.id());
        log.info("Opened the ledger account {} of {} ({})", address, provider.name(), provider.kind());
        register(provider, address);
        events.publishEvent(new ProviderAccountOpened(provider.id(), address));
    }

    private void register(ProviderView provider, Address address) {
        try {
            outbox.queue(RegistrySync.REGISTER, Signer.install(InstallKey.HOME_SEALER), address.toString(), roleOf(provider),
                    Registry.register(address, roleOf(provider)));
        } catch (LedgerRefusedException e) {
            log.warn("Could not register {} as {} on the ledger now ({}); the next start tries again", address, roleOf(provider),
                    e.refusal().reason());
        }
    }

    /**
     * At start, on the registry's background thread: opens an account for every provider without one,
     * and registers every account the chain does not hold in its kind's role and whose registration is
     * not on its way ({@code registering}: the subjects of registrations in flight, read before {@code state}).
     * Returns how many registrations it queued.
     */
    int reconcile(ContractState state, java.util.Set<String> registering) {
        int queued = 0;
        Map<Long, Address> addresses = custody.addresses();
        for (ProviderView provider : providers.all()) {
            Address address = addresses.get(provider.id());
            if (address == null) {
                try {
                    transactions.executeWithoutResult(s -> open(provider));
                    queued++;
                } catch (RuntimeException e) {
                    log.warn("Could not open the ledger account of {} now ({}); the next start tries again", provider.name(), e.toString());
                }
            } else if (Registry.roleOf(state.view(), address).filter(roleOf(provider)::equals).isEmpty()
                    && !registering.contains(address.toString())) {
                transactions.executeWithoutResult(s -> register(provider, address));
                queued++;
            }
        }
        return queued;
    }
}

package org.careledger.registry;

import java.util.Optional;
import java.util.Set;

import org.careledger.contracts.ContractState;
import org.careledger.contracts.Registry;
import org.careledger.crypto.Address;
import org.careledger.identity.ProviderKeyCustody;
import org.careledger.identity.Role;
import org.careledger.identity.UserDirectory;
import org.careledger.identity.UserProfile;
import org.careledger.node.InstallKey;
import org.careledger.outbox.CallHook;
import org.careledger.outbox.CallKind;
import org.careledger.outbox.LedgerOutbox;
import org.careledger.outbox.LedgerRefusedException;
import org.careledger.outbox.QueuedCall;
import org.careledger.outbox.Refusal;
import org.careledger.outbox.Signer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Affiliates each approved doctor and pharmacist on chain with the provider they registered with
 * ({@code registry.affiliate}), so a contract can tell a pharmacy's pharmacist ({@code Registry.pharmacyOf}).
 * {@link RegistrySync} asks for it right after it queues the member's registration, with the same
 * signer, so the registration's nonce comes first; at start, every member whose affiliation on chain
 * is not their provider's account and has none on its way is affiliated by the home node's sealer.
 */
@Component
class Affiliations implements CallHook {

    static final CallKind AFFILIATE = new CallKind("registry", "affiliate");

    private static final Logger log = LoggerFactory.getLogger(Affiliations.class);
    private static final Set<Role> MEMBERS = Set.of(Role.DOCTOR, Role.PHARMACIST);

    private final LedgerOutbox outbox;
    private final UserDirectory directory;
    private final ProviderKeyCustody providerKeys;
    private final TransactionTemplate transactions;

    Affiliations(LedgerOutbox outbox, UserDirectory directory, ProviderKeyCustody providerKeys, TransactionTemplate transactions) {
        this.outbox = outbox;
        this.directory = directory;
        this.providerKeys = providerKeys;
        this.transactions = transactions;
    }

    @Override
    public Set<CallKind> kinds() {
        return Set.of(AFFILIATE);
    }

    @Override
    public Optional<String> refused(QueuedCall call, Refusal refusal) {
        log.warn("The ledger refused to affiliate {} ({}: {}); the next start tries again", call.subject(), refusal.rule(), refusal.reason());
        return Optional.empty();
    }

    /** In the caller's transaction, after the member's registration in {@code role}: queues their affiliation, if they have a provider with an account. */
    void affiliate(Signer signer, UserProfile member, Role role) {
        if (!MEMBERS.contains(role) || member.ledgerAddress() == null || member.providerId() == null) {
            return;
        }
        providerKeys.addressOf(member.providerId()).ifPresentOrElse(
                provider -> queue(signer, member.ledgerAddress(), member.providerId(), provider),
                () -> log.info("Provider {} has no ledger account yet: {} is affiliated at the next start", member.providerId(), member.id()));
    }

    private void queue(Signer signer, Address member, long providerId, Address provider) {
        try {
            outbox.queue(AFFILIATE, signer, member.toString(), Long.toString(providerId), Registry.affiliate(member, provider));
        } catch (LedgerRefusedException e) {
            log.warn("Could not affiliate {} with {} on the ledger now ({}); the next start tries again", member, provider,
                    e.refusal().reason());
        }
    }

    /**
     * At start, after the providers' and users' registrations were queued by the same sealer: affiliates
     * every active doctor and pharmacist whose affiliation on chain is not their provider's account and
     * has none on its way ({@code affiliating}: the subjects of affiliations in flight, read before {@code state}).
     */
    int reconcile(ContractState state, Set<String> affiliating) {
        int queued = 0;
        for (Role role : MEMBERS) {
            for (UserProfile member : directory.activeProfilesWithRole(role)) {
                Address address = member.ledgerAddress();
                Optional<Address> provider = member.providerId() == null ? Optional.empty() : providerKeys.addressOf(member.providerId());
                if (address == null || provider.isEmpty()
                        || Registry.affiliationOf(state.view(), address).equals(provider)
                        || affiliating.contains(address.toString())) {
                    continue;
                }
                transactions.executeWithoutResult(s -> queue(Signer.install(InstallKey.HOME_SEALER), address, member.providerId(), provider.get()));
                queued++;
            }
        }
        return queued;
    }
}

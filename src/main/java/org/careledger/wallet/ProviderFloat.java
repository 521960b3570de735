package org.careledger.wallet;

import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.careledger.contracts.ContractState;
import org.careledger.contracts.Tokens;
import org.careledger.crypto.Address;
import org.careledger.identity.ProviderKeyCustody;
import org.careledger.ledger.Arg;
import org.careledger.ledger.Transaction;
import org.careledger.node.InstallKey;
import org.careledger.node.LedgerService;
import org.careledger.node.LedgerSettings;
import org.careledger.node.LedgerUnavailableException;
import org.careledger.outbox.CallHook;
import org.careledger.outbox.CallKind;
import org.careledger.outbox.LedgerOutbox;
import org.careledger.outbox.LedgerReceipt;
import org.careledger.outbox.LedgerRefusedException;
import org.careledger.outbox.QueuedCall;
import org.careledger.outbox.Refusal;
import org.careledger.outbox.Signer;
import org.careledger.registry.ProviderAccountOpened;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gives each provider's own account a small float for its fees ({@code careledger.ledger.provider-float-tokens},
 * 0 for none; a pharmacy's invoice cancellation carries the minimum fee), once: a transfer signed with
 * the treasury's key, queued through the outbox in the transaction that opened the account. At start,
 * every provider account with no tokens that the treasury never paid (on the chain, waiting, or
 * queued) is funded, as {@link WelcomeFunding} does for users.
 */
@Component
class ProviderFloat implements CallHook {

    static final CallKind FLOAT = new CallKind("wallet", "providerFloat");

    private static final Logger log = LoggerFactory.getLogger(ProviderFloat.class);

    private final LedgerService ledger;
    private final LedgerOutbox outbox;
    private final ProviderKeyCustody providerKeys;
    private final TransactionTemplate transactions;
    private final long amount;

    ProviderFloat(LedgerService ledger, LedgerOutbox outbox, ProviderKeyCustody providerKeys, TransactionTemplate transactions,
                  LedgerSettings settings) {
        this.ledger = ledger;
        this.outbox = outbox;
        this.providerKeys = providerKeys;
        this.transactions = transactions;
        this.amount = settings.providerFloatBaseUnits();
        if (amount > 0) {
            ledger.whenReady(this::reconcileInBackground);
        }
    }

    @Override
    public Set<CallKind> kinds() {
        return Set.of(FLOAT);
    }

    @Override
    public Optional<String> refused(QueuedCall call, Refusal refusal) {
        log.warn("The treasury could not fund the provider account {} ({}: {})", call.subject(), refusal.rule(), refusal.reason());
        return Optional.empty();
    }

    /** In the transaction that opened the account: the float is queued with it. */
    @EventListener
    void on(ProviderAccountOpened opened) {
        if (amount > 0) {
            fund(opened.providerId(), opened.address());
        }
    }

    private boolean fund(long providerId, Address account) {
        try {
            outbox.queue(FLOAT, Signer.install(InstallKey.TREASURY), account.toString(), Long.toString(providerId),
                    Tokens.transfer(account, amount));
            return true;
        } catch (LedgerRefusedException e) {
            log.warn("Could not fund the provider account {} with {} base units from the treasury now ({}); the next start tries again",
                    account, amount, e.refusal().reason());
            return false;
        }
    }

    private void reconcileInBackground() {
        Thread t = new Thread(this::reconcile, "careledger-provider-float");
        t.setDaemon(true);
        t.start();
    }

    /** Funds every provider account that holds no tokens and has never been paid by the treasury. */
    void reconcile() {
        ContractState state;
        Set<Address> paid;
        try {
            state = ledger.committedState();
            paid = paidByTreasury();
        } catch (LedgerUnavailableException e) {
            log.warn("Provider floats not reconciled: {}", e.getMessage());
            return;
        }
        int funded = 0;
        for (Map.Entry<Long, Address> account : providerKeys.addresses().entrySet()) {
            Address address = account.getValue();
            if (!paid.contains(address) && Tokens.balanceOf(state.view(), address) == 0 && !floatQueued(address)
                    && Boolean.TRUE.equals(transactions.execute(s -> fund(account.getKey(), address)))) {
                funded++;
            }
        }
        if (funded > 0) {
            log.info("Treasury: queued floats to {} provider account(s) not funded before", funded);
        }
    }

    private boolean floatQueued(Address account) {
        return outbox.ofSubject(FLOAT, account.toString()).stream().anyMatch(c -> c.status() != LedgerReceipt.Status.REFUSED);
    }

    private Set<Address> paidByTreasury() {
        Set<Address> paid = new HashSet<>();
        for (Transaction tx : ledger.sentBy(ledger.addressOf(InstallKey.TREASURY))) {
            if (tx.call().contract().equals(Tokens.NAME) && tx.call().args().get(0) instanceof Arg.Addr to) {
                paid.add(to.value());
            }
        }
        return paid;
    }
}

package org.careledger.wallet;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.careledger.crypto.Address;
import org.careledger.identity.ProviderKeyCustody;
import org.careledger.node.LedgerService;
import org.careledger.node.LedgerSettings;
import org.careledger.outbox.CallHook;
import org.careledger.outbox.CallKind;
import org.careledger.outbox.QueuedCall;
import org.careledger.outbox.Refusal;
import org.careledger.registry.ProviderAccountOpened;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

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

    private final TreasuryPayments treasury;
    private final ProviderKeyCustody providerKeys;
    private final long amount;

    ProviderFloat(LedgerService ledger, TreasuryPayments treasury, ProviderKeyCustody providerKeys, LedgerSettings settings) {
        this.treasury = treasury;
        this.providerKeys = providerKeys;
        this.amount = settings.providerFloatBaseUnits();
        if (amount > 0) {
            ledger.whenReady(() -> treasury.inBackground("careledger-provider-float", this::reconcile));
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
            treasury.pay(FLOAT, opened.address(), Long.toString(opened.providerId()), amount);
        }
    }

    /** Funds every provider account that holds no tokens and has never been paid by the treasury. */
    void reconcile() {
        Map<Address, String> accounts = new LinkedHashMap<>();
        providerKeys.addresses().forEach((providerId, address) -> accounts.put(address, Long.toString(providerId)));
        int funded = treasury.payUnpaid(FLOAT, accounts, amount);
        if (funded > 0) {
            log.info("Treasury: queued floats to {} provider account(s) not funded before", funded);
        }
    }
}

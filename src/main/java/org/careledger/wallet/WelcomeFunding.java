package org.careledger.wallet;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.careledger.crypto.Address;
import org.careledger.identity.UserApproved;
import org.careledger.identity.UserDirectory;
import org.careledger.node.LedgerService;
import org.careledger.node.LedgerSettings;
import org.careledger.outbox.CallHook;
import org.careledger.outbox.CallKind;
import org.careledger.outbox.QueuedCall;
import org.careledger.outbox.Refusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Gives each newly approved user their welcome tokens ({@code careledger.ledger.welcome-tokens}, 0
 * for none): a transfer signed with the treasury's key, queued through the outbox in the approval's
 * transaction, so it is sent exactly once however the process stops. Funding never undoes an
 * approval: a treasury that cannot pay is logged. At start, every active user with no tokens whom
 * the treasury never paid (on the chain, waiting, or queued) is funded.
 */
@Component
class WelcomeFunding implements CallHook {

    static final CallKind WELCOME = new CallKind("wallet", "welcome");

    private static final Logger log = LoggerFactory.getLogger(WelcomeFunding.class);

    private final TreasuryPayments treasury;
    private final UserDirectory directory;
    private final long welcome;

    WelcomeFunding(LedgerService ledger, TreasuryPayments treasury, UserDirectory directory, LedgerSettings settings) {
        this.treasury = treasury;
        this.directory = directory;
        this.welcome = settings.welcomeBaseUnits();
        if (welcome > 0) {
            ledger.whenReady(() -> treasury.inBackground("careledger-treasury-funding", this::reconcile));
        }
    }

    @Override
    public Set<CallKind> kinds() {
        return Set.of(WELCOME);
    }

    @Override
    public Optional<String> refused(QueuedCall call, Refusal refusal) {
        log.warn("The treasury could not fund {} ({}: {})", call.subject(), refusal.rule(), refusal.reason());
        return Optional.empty();
    }

    /** In the approval's transaction: the welcome transfer is queued with it. */
    @EventListener
    void on(UserApproved approved) {
        if (welcome > 0) {
            treasury.pay(WELCOME, approved.ledgerAddress(), null, welcome);
        }
    }

    /** Funds every active user who holds no tokens and has never been paid by the treasury. */
    void reconcile() {
        Map<Address, String> users = new LinkedHashMap<>();
        directory.activeLedgerIdentities().forEach(identity -> users.put(identity.address(), null));
        int funded = treasury.payUnpaid(WELCOME, users, welcome);
        if (funded > 0) {
            log.info("Treasury: queued welcome transfers to {} approved user(s) not funded before", funded);
        }
    }
}

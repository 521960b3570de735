package org.careledger.wallet;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import org.careledger.contracts.ContractState;
import org.careledger.contracts.Tokens;
import org.careledger.crypto.Address;
import org.careledger.identity.UserApproved;
import org.careledger.identity.UserDirectory;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

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

    private final LedgerService ledger;
    private final LedgerOutbox outbox;
    private final UserDirectory directory;
    private final TransactionTemplate transactions;
    private final long welcome;

    WelcomeFunding(LedgerService ledger, LedgerOutbox outbox, UserDirectory directory, TransactionTemplate transactions,
                   LedgerSettings settings) {
        this.ledger = ledger;
        this.outbox = outbox;
        this.directory = directory;
        this.transactions = transactions;
        this.welcome = settings.welcomeBaseUnits();
        if (welcome > 0) {
            ledger.whenReady(this::reconcileInBackground);
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
            fund(approved.ledgerAddress());
        }
    }

    private boolean fund(Address user) {
        try {
            outbox.queue(WELCOME, Signer.install(InstallKey.TREASURY), user.toString(), null, Tokens.transfer(user, welcome));
            return true;
        } catch (LedgerRefusedException e) {
            log.warn("Could not fund {} with {} base units from the treasury now ({}); the next start tries again", user, welcome,
                    e.refusal().reason());
            return false;
        }
    }

    private void reconcileInBackground() {
        Thread t = new Thread(this::reconcile, "careledger-treasury-funding");
        t.setDaemon(true);
        t.start();
    }

    /** Funds every active user who holds no tokens and has never been paid by the treasury. */
    void reconcile() {
        ContractState state;
        Set<Address> paid;
        try {
            state = ledger.committedState();
            paid = paidByTreasury();
        } catch (LedgerUnavailableException e) {
            log.warn("Treasury funding not reconciled: {}", e.getMessage());
            return;
        }
        int funded = 0;
        for (UserDirectory.LedgerIdentity identity : directory.activeLedgerIdentities()) {
            Address user = identity.address();
            if (!paid.contains(user) && Tokens.balanceOf(state.view(), user) == 0 && !welcomeQueued(user)
                    && Boolean.TRUE.equals(transactions.execute(s -> fund(user)))) {
                funded++;
            }
        }
        if (funded > 0) {
            log.info("Treasury: queued welcome transfers to {} approved user(s) not funded before", funded);
        }
    }

    private boolean welcomeQueued(Address user) {
        return outbox.ofSubject(WELCOME, user.toString()).stream().anyMatch(c -> c.status() != LedgerReceipt.Status.REFUSED);
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

package org.careledger.node;

import java.util.HashSet;
import java.util.Set;

import org.careledger.contracts.ContractState;
import org.careledger.contracts.Tokens;
import org.careledger.crypto.Address;
import org.careledger.identity.UserApproved;
import org.careledger.identity.UserDirectory;
import org.careledger.ledger.Arg;
import org.careledger.ledger.Block;
import org.careledger.ledger.Transaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Gives each newly approved user their welcome tokens ({@code careledger.ledger.welcome-tokens},
 * 0 for none): a transfer from the genesis treasury, signed with the treasury's key, once the
 * approval has committed. Funding never undoes an approval: if it fails it is logged, and at the
 * next start every active user with no tokens whom the treasury has never paid (on the chain or
 * waiting in the mempool) is funded.
 */
@Component
class TreasuryFunding {

    private static final Logger log = LoggerFactory.getLogger(TreasuryFunding.class);

    private final LedgerService ledger;
    private final Consortium consortium;
    private final UserDirectory directory;
    private final long welcome;

    TreasuryFunding(LedgerService ledger, Consortium consortium, UserDirectory directory, LedgerSettings settings) {
        this.ledger = ledger;
        this.consortium = consortium;
        this.directory = directory;
        this.welcome = settings.welcomeBaseUnits();
        if (welcome > 0) {
            ledger.whenReady(this::reconcileInBackground);
        }
    }

    @TransactionalEventListener
    void on(UserApproved approved) {
        if (welcome > 0) {
            fund(Address.parse(approved.ledgerAddress()));
        }
    }

    private boolean fund(Address user) {
        try {
            ledger.submit(consortium.setup().treasuryKey(), Tokens.transfer(user, welcome), ledger.genesis().parameters().minFee());
            return true;
        } catch (RuntimeException e) {
            log.warn("Could not fund {} with {} base units from the treasury now ({}); the next start retries", user, welcome,
                    e.getMessage());
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
            Address user = Address.parse(identity.address());
            if (!paid.contains(user) && Tokens.balanceOf(state.view(), user) == 0 && fund(user)) {
                funded++;
            }
        }
        if (funded > 0) {
            log.info("Treasury: submitted welcome transfers to {} approved user(s) not funded before", funded);
        }
    }

    private Set<Address> paidByTreasury() {
        Address treasury = consortium.setup().treasuryKey().address();
        Set<Address> paid = new HashSet<>();
        for (Block block : consortium.home().chain().mainChainBlocks()) {
            block.transactions().forEach(tx -> addRecipient(tx, treasury, paid));
        }
        ledger.pending().forEach(tx -> addRecipient(tx, treasury, paid));
        return paid;
    }

    private static void addRecipient(Transaction tx, Address treasury, Set<Address> paid) {
        if (tx.senderAddress().equals(treasury) && tx.call().contract().equals(Tokens.NAME)
                && tx.call().args().get(0) instanceof Arg.Addr to) {
            paid.add(to.value());
        }
    }
}

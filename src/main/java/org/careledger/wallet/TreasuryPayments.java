package org.careledger.wallet;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.careledger.contracts.ContractState;
import org.careledger.contracts.Tokens;
import org.careledger.crypto.Address;
import org.careledger.ledger.Arg;
import org.careledger.ledger.Transaction;
import org.careledger.node.InstallKey;
import org.careledger.node.LedgerService;
import org.careledger.node.LedgerUnavailableException;
import org.careledger.outbox.CallKind;
import org.careledger.outbox.LedgerOutbox;
import org.careledger.outbox.LedgerReceipt;
import org.careledger.outbox.LedgerRefusedException;
import org.careledger.outbox.Signer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Transfers from the treasury, once per account, for the welcome tokens of users and the float of
 * providers' accounts: a payment is queued through the outbox, signed with the treasury's key, in
 * the caller's transaction; at start, every account of a list that holds no tokens, that the
 * treasury never paid (on the chain or waiting) and that has no payment of the kind queued, is paid.
 * A treasury that cannot pay is logged and tried again at the next start; it never undoes the
 * caller's transaction.
 */
@Component
class TreasuryPayments {

    private static final Logger log = LoggerFactory.getLogger(TreasuryPayments.class);

    private final LedgerService ledger;
    private final LedgerOutbox outbox;
    private final TransactionTemplate transactions;

    TreasuryPayments(LedgerService ledger, LedgerOutbox outbox, TransactionTemplate transactions) {
        this.ledger = ledger;
        this.outbox = outbox;
        this.transactions = transactions;
    }

    /** Queues {@code amount} base units to {@code to} in the caller's transaction; false, logged, if the ledger would refuse it now. */
    boolean pay(CallKind kind, Address to, String relatedId, long amount) {
        try {
            outbox.queue(kind, Signer.install(InstallKey.TREASURY), to.toString(), relatedId, Tokens.transfer(to, amount));
            return true;
        } catch (LedgerRefusedException e) {
            log.warn("Could not pay {} base units ({}) to {} from the treasury now ({}); the next start tries again", amount,
                    kind.name(), to, e.refusal().reason());
            return false;
        }
    }

    /** Runs {@link #payUnpaid} on a daemon thread of its own, off the start path. */
    void inBackground(String threadName, Runnable reconcile) {
        Thread t = new Thread(reconcile, threadName);
        t.setDaemon(true);
        t.start();
    }

    /**
     * Pays each of {@code accounts} (address to the payment's related id, or null) that holds no
     * tokens, was never paid by the treasury and has no payment of {@code kind} queued, each in a
     * transaction of its own; returns how many were paid, or -1 if the ledger could not be read.
     */
    int payUnpaid(CallKind kind, Map<Address, String> accounts, long amount) {
        ContractState state;
        Set<Address> paid;
        try {
            state = ledger.committedStateForReading();
            paid = paidByTreasury();
        } catch (LedgerUnavailableException e) {
            log.warn("Treasury payments ({}) not reconciled: {}", kind.name(), e.getMessage());
            return -1;
        }
        int funded = 0;
        for (Map.Entry<Address, String> account : accounts.entrySet()) {
            Address to = account.getKey();
            if (!paid.contains(to) && Tokens.balanceOf(state.view(), to) == 0 && !queued(kind, to)
                    && Boolean.TRUE.equals(transactions.execute(s -> pay(kind, to, account.getValue(), amount)))) {
                funded++;
            }
        }
        return funded;
    }

    private boolean queued(CallKind kind, Address to) {
        return outbox.ofSubject(kind, to.toString()).stream().anyMatch(c -> c.status() != LedgerReceipt.Status.REFUSED);
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

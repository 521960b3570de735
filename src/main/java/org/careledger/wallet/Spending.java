package org.careledger.wallet;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.careledger.contracts.Tokens;
import org.careledger.identity.UserId;
import org.careledger.identity.UserProfile;
import org.careledger.ledger.Hash;
import org.careledger.node.LedgerService;
import org.springframework.stereotype.Component;

/**
 * What a user may spend, and the one turn each user's spending takes: a transfer and an invoice's
 * payment are checked against the same figure under the same lock, so two tabs (or a send and a
 * payment) cannot both pass the check with the same tokens; the chain would refuse the second anyway.
 */
@Component
class Spending {

    private final LedgerService ledger;
    private final OnTheirWay onTheirWay;
    private final Map<UserId, Object> turns = new ConcurrentHashMap<>();

    Spending(LedgerService ledger, OnTheirWay onTheirWay) {
        this.ledger = ledger;
        this.onTheirWay = onTheirWay;
    }

    /**
     * The balance and what is on its way, read at one tip: a block joining between the two reads
     * would count a transfer twice or not at all, so they are read again until the tip held still
     * (blocks come about once a second; a few tries at most).
     */
    WalletBalance balanceOf(UserProfile me) {
        for (int attempt = 0; ; attempt++) {
            Hash tip = ledger.tip().hash();
            long balance = Tokens.balanceOf(ledger.committedStateForReading().view(), me.ledgerAddress());
            long out = 0;
            for (OnTheirWay.Outgoing o : onTheirWay.of(me)) {
                if (o.minedAt() == null) {
                    out = Math.addExact(out, o.total());
                }
            }
            if (tip.equals(ledger.tip().hash()) || attempt == 4) {
                return new WalletBalance(balance, out);
            }
        }
    }

    /**
     * Runs {@code check and queue} as the user's only spending in this process until it returns: it
     * must check and queue in one transaction, committed when it returns.
     */
    <T> T inTurn(UserId user, Supplier<T> checkAndQueue) {
        synchronized (turns.computeIfAbsent(user, id -> new Object())) {
            return checkAndQueue.get();
        }
    }
}

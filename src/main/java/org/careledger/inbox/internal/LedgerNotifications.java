package org.careledger.inbox.internal;

import org.careledger.inbox.Inbox;
import org.careledger.outbox.LedgerCallRefused;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Tells a user when the ledger refused, after it was queued, something they did (two people raced
 * for the same thing): in the plain words of the module that owns the call.
 */
@Component
class LedgerNotifications {

    private final Inbox inbox;

    LedgerNotifications(Inbox inbox) {
        this.inbox = inbox;
    }

    @TransactionalEventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void on(LedgerCallRefused e) {
        if (e.signer() != null && e.plainWords() != null) {
            inbox.send(e.signer(), "Not recorded on the ledger", e.plainWords(), null);
        }
    }
}

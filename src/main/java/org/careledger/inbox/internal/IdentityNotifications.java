package org.careledger.inbox.internal;

import org.careledger.identity.Role;
import org.careledger.identity.UserApproved;
import org.careledger.identity.UserDirectory;
import org.careledger.identity.UserRegistered;
import org.careledger.inbox.Inbox;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Tells admins about new registrations and users about their approval, once the change has
 * committed (the event publication registry keeps the event until then, across a crash).
 */
@Component
@Transactional(propagation = Propagation.REQUIRES_NEW)
class IdentityNotifications {

    private final Inbox inbox;
    private final UserDirectory directory;

    IdentityNotifications(Inbox inbox, UserDirectory directory) {
        this.inbox = inbox;
        this.directory = directory;
    }

    @TransactionalEventListener
    void on(UserRegistered registered) {
        String body = registered.fullName() + " registered as " + registered.role().label().toLowerCase()
                + " and is waiting for approval.";
        directory.activeUsersWithRole(Role.ADMIN)
                .forEach(admin -> inbox.send(admin, "New registration to review", body, "admin"));
    }

    @TransactionalEventListener
    void on(UserApproved approved) {
        inbox.send(approved.user(), "Welcome to CareLedger",
                "Your account was approved. Your ledger address is " + approved.ledgerAddress() + ".", null);
    }
}

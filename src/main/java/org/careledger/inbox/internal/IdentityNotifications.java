package org.careledger.inbox.internal;

import org.careledger.identity.AccountStatus;
import org.careledger.identity.ExistingEmailRegistered;
import org.careledger.identity.Role;
import org.careledger.identity.UserApproved;
import org.careledger.identity.UserDirectory;
import org.careledger.identity.UserId;
import org.careledger.identity.UserRegistered;
import org.careledger.identity.UserRejected;
import org.careledger.inbox.Inbox;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Tells admins about new registrations and users about their approval, once the change has
 * committed (the event publication registry keeps the event until then, across a crash). A
 * registration's notification is handled for every admin as soon as one of them decides.
 */
@Component
@Transactional(propagation = Propagation.REQUIRES_NEW)
class IdentityNotifications {

    private final Inbox inbox;
    private final UserDirectory directory;
    private final People people;

    IdentityNotifications(Inbox inbox, UserDirectory directory, People people) {
        this.inbox = inbox;
        this.directory = directory;
        this.people = people;
    }

    @TransactionalEventListener
    void on(UserRegistered registered) {
        if (!stillPending(registered.user())) {
            return; // decided already (an event delivered again after a restart): nobody needs asking
        }
        String body = registered.fullName() + " registered as " + registered.role().label().toLowerCase()
                + " and is waiting for approval.";
        Subject subject = Subject.registration(registered.user());
        directory.activeUsersWithRole(Role.ADMIN)
                .forEach(admin -> inbox.send(admin, subject, "New registration to review", body, Links.registration(registered.user())));
    }

    @TransactionalEventListener
    void on(ExistingEmailRegistered attempt) {
        inbox.send(attempt.existingAccount(), "Someone registered with your email address",
                "A registration as " + attempt.attemptedRole().label().toLowerCase() + " was made with your email address. No second "
                        + "account was made. If it was you, sign in with your account (an admin can reset your password); if not, "
                        + "nothing is needed, and an admin has been told.", null);
        String body = "A registration as " + attempt.attemptedRole().label().toLowerCase() + " under the name "
                + attempt.attemptedName() + " used the email address of an existing account.";
        directory.activeUsersWithRole(Role.ADMIN).forEach(admin -> inbox.send(admin, "Registration with an email already in use", body,
                Links.approvals()));
    }

    @TransactionalEventListener
    void on(UserApproved approved) {
        inbox.settle(Subject.registration(approved.user()), people.idOfUsername(approved.approvedBy()).orElse(null),
                "Approved by you", "Approved by " + people.nameOfUsername(approved.approvedBy()));
        inbox.send(approved.user(), "Welcome to CareLedger",
                "Your account was approved. Your ledger address is " + approved.ledgerAddress() + ".", null);
    }

    @TransactionalEventListener
    void on(UserRejected rejected) {
        inbox.settle(Subject.registration(rejected.user()), people.idOfUsername(rejected.rejectedBy()).orElse(null),
                "Rejected by you", "Rejected by " + people.nameOfUsername(rejected.rejectedBy()));
    }

    private boolean stillPending(UserId applicant) {
        return directory.find(applicant).map(p -> p.status() == AccountStatus.PENDING).orElse(false);
    }
}

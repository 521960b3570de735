package org.careledger.inbox.internal;

import org.careledger.identity.Role;
import org.careledger.identity.UserDirectory;
import org.careledger.inbox.Inbox;
import org.careledger.records.EntryApproved;
import org.careledger.records.EntryErased;
import org.careledger.records.EntryProposed;
import org.careledger.records.EntryRejected;
import org.careledger.records.ErasureDeclined;
import org.careledger.records.ErasureRequested;
import org.careledger.records.RecordLabels;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Tells patients, doctors and admins about record entries: a doctor's entry waiting for the
 * patient's approval and the answer, a patient's request to erase one and the admin's decision. The
 * notification of what waits is handled as soon as it is decided. Like {@link RecordsNotifications},
 * each listener runs after the commit in a transaction of its own, and names no clinical content.
 */
@Component
@Transactional(propagation = Propagation.REQUIRES_NEW)
class EntryNotifications {

    private final Inbox inbox;
    private final UserDirectory directory;
    private final People people;

    EntryNotifications(Inbox inbox, UserDirectory directory, People people) {
        this.inbox = inbox;
        this.directory = directory;
        this.people = people;
    }

    @TransactionalEventListener
    void on(EntryProposed e) {
        inbox.send(e.patient(), Subject.entryProposal(e.entry()), "New entry for your record", people.describe(e.author()) + " added a "
                + RecordLabels.category(e.category()) + " entry to your record. Approve or reject it.", Links.myEntry(e.entry()));
    }

    @TransactionalEventListener
    void on(EntryApproved e) {
        inbox.settle(Subject.entryProposal(e.entry()), e.patient(), "You approved this entry", "Approved");
        inbox.send(e.author(), people.name(e.patient()) + " approved your entry", "Your " + RecordLabels.category(e.category())
                + " entry is now part of their record.", Links.patientRecord(people.address(e.patient()).orElse(null)));
    }

    @TransactionalEventListener
    void on(EntryRejected e) {
        inbox.settle(Subject.entryProposal(e.entry()), e.patient(), "You rejected this entry", "Rejected");
        inbox.send(e.author(), people.name(e.patient()) + " rejected your entry", "Their comment is with the entry in their record.",
                Links.patientRecord(people.address(e.patient()).orElse(null)));
    }

    @TransactionalEventListener
    void on(ErasureRequested e) {
        String body = people.name(e.patient()) + " asks to erase a " + RecordLabels.category(e.category()) + " entry.";
        directory.activeUsersWithRole(Role.ADMIN).forEach(admin -> inbox.send(admin, Subject.erasureRequest(e.entry()),
                "Erasure requested", body, Links.erasure(e.entry())));
    }

    @TransactionalEventListener
    void on(EntryErased e) {
        inbox.settle(Subject.erasureRequest(e.entry()), e.admin(), "Erased by you", "Erased by " + people.name(e.admin()));
        inbox.send(e.patient(), "Entry erased", "Your " + RecordLabels.category(e.category())
                + " entry was erased. Its fingerprint stays on the ledger; its content is gone.", Links.myEntry(e.entry()));
    }

    @TransactionalEventListener
    void on(ErasureDeclined e) {
        inbox.settle(Subject.erasureRequest(e.entry()), e.admin(), "Declined by you: the entry is kept",
                "Declined by " + people.name(e.admin()) + ": the entry is kept");
        inbox.send(e.patient(), "Erasure declined", "An admin kept your " + RecordLabels.category(e.category())
                + " entry; you may ask for it again.", Links.myEntry(e.entry()));
    }
}

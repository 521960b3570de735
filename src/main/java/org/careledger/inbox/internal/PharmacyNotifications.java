package org.careledger.inbox.internal;

import org.careledger.common.TokenAmount;
import org.careledger.identity.Role;
import org.careledger.identity.UserDirectory;
import org.careledger.inbox.Inbox;
import org.careledger.pharmacy.PrescriptionCancelled;
import org.careledger.pharmacy.PrescriptionDispensed;
import org.careledger.pharmacy.PrescriptionIssued;
import org.careledger.pharmacy.PrescriptionSent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Tells patients and pharmacists about prescriptions: a new one on the ledger, one sent to a
 * pharmacy, a fill and the invoice it raised, a cancellation. Like the records' notifications, each
 * runs after the commit in a transaction of its own and names no clinical content (not even the
 * medicine): the pages it links to show it to whoever may see it.
 */
@Component
@Transactional(propagation = Propagation.REQUIRES_NEW)
class PharmacyNotifications {

    private final Inbox inbox;
    private final UserDirectory directory;
    private final People people;

    PharmacyNotifications(Inbox inbox, UserDirectory directory, People people) {
        this.inbox = inbox;
        this.directory = directory;
        this.people = people;
    }

    @TransactionalEventListener
    void on(PrescriptionIssued e) {
        inbox.send(e.patient(), "New prescription", people.describe(e.prescriber()) + " wrote you a prescription (block "
                + e.blockHeight() + "). Show its QR code at any pharmacy, or send it to one.", "patient/prescriptions");
    }

    @TransactionalEventListener
    void on(PrescriptionSent e) {
        String body = people.name(e.patient()) + " sent a prescription to your pharmacy. It is in your work queue.";
        directory.activeProfilesWithRole(Role.PHARMACIST).stream().filter(p -> p.providerId() != null && p.providerId() == e.pharmacyId())
                .forEach(p -> inbox.send(p.id(), "Prescription sent to your pharmacy", body, "pharmacist"));
    }

    @TransactionalEventListener
    void on(PrescriptionDispensed e) {
        inbox.send(e.patient(), "Prescription dispensed: an invoice to pay", e.pharmacyName() + " dispensed " + e.quantity()
                + " units of your prescription (block " + e.blockHeight() + "). Its invoice of " + new TokenAmount(e.total()).format()
                + " tokens waits in your wallet.", "wallet");
    }

    @TransactionalEventListener
    void on(PrescriptionCancelled e) {
        inbox.send(e.patient(), "Prescription cancelled", people.describe(e.prescriber()) + " cancelled one of your prescriptions (block "
                + e.blockHeight() + "); it can no longer be dispensed.", "patient/prescriptions");
    }
}

package org.careledger.inbox.internal;

import org.careledger.identity.Role;
import org.careledger.identity.UserDirectory;
import org.careledger.identity.UserId;
import org.careledger.identity.UserProfile;
import org.careledger.inbox.Inbox;
import org.careledger.provider.ProviderView;
import org.careledger.provider.Providers;
import org.careledger.records.AccessDenied;
import org.careledger.records.AccessGranted;
import org.careledger.records.AccessRequested;
import org.careledger.records.AccessRevoked;
import org.careledger.records.EmergencyDeclared;
import org.careledger.records.EmergencyReviewed;
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
 * Tells patients, doctors and admins what the records module did that concerns them. Each listener
 * runs once the change has committed, in a transaction of its own; the event publication registry
 * keeps the event until it has, so a crash in between delays a notification but never loses it.
 * Notifications are plain text in the database, so they never carry clinical content or free text:
 * only who, which kinds of record, why and for how long.
 */
@Component
@Transactional(propagation = Propagation.REQUIRES_NEW)
class RecordsNotifications {

    private final Inbox inbox;
    private final UserDirectory directory;
    private final Providers providers;

    RecordsNotifications(Inbox inbox, UserDirectory directory, Providers providers) {
        this.inbox = inbox;
        this.directory = directory;
        this.providers = providers;
    }

    @TransactionalEventListener
    void on(AccessRequested e) {
        inbox.send(e.patient(), "Access request from " + name(e.doctor()), describe(e.doctor()) + " asks to see your "
                + RecordLabels.categories(e.categories()) + " records for " + RecordLabels.purpose(e.purpose()) + ", for "
                + RecordLabels.duration(e.duration()) + ".", "patient/consents");
    }

    @TransactionalEventListener
    void on(AccessGranted e) {
        toDoctor(e.doctor(), name(e.patient()) + " granted your request", "You may now see their "
                + RecordLabels.categories(e.categories()) + " records for " + RecordLabels.duration(e.duration()) + ".");
    }

    @TransactionalEventListener
    void on(AccessDenied e) {
        toDoctor(e.doctor(), name(e.patient()) + " denied your request",
                e.reasonGiven() ? "They gave a reason, kept with their record." : "No reason was given.");
    }

    @TransactionalEventListener
    void on(AccessRevoked e) {
        toDoctor(e.doctor(), name(e.patient()) + " revoked your access", "You can no longer see their "
                + RecordLabels.categories(e.categories()) + " records.");
    }

    @TransactionalEventListener
    void on(EmergencyDeclared e) {
        String body = describe(e.doctor()) + " opened " + name(e.patient()) + "'s record in an emergency. The written reason is in the access log.";
        inbox.send(e.patient(), "Emergency access to your record", body, "patient/access-log");
        directory.activeUsersWithRole(Role.ADMIN).forEach(admin -> inbox.send(admin, "Emergency access to review", body, "admin/emergencies"));
    }

    @TransactionalEventListener
    void on(EmergencyReviewed e) {
        toDoctor(e.doctor(), "Your emergency access was reviewed",
                e.justified() ? "An admin found it justified." : "An admin found it not justified.");
    }

    @TransactionalEventListener
    void on(EntryProposed e) {
        inbox.send(e.patient(), "New entry for your record", describe(e.author()) + " added a " + RecordLabels.category(e.category())
                + " entry to your record. Approve or reject it.", "patient/record");
    }

    @TransactionalEventListener
    void on(EntryApproved e) {
        inbox.send(e.author(), name(e.patient()) + " approved your entry", "Your " + RecordLabels.category(e.category())
                + " entry is now part of their record.", "doctor/patients");
    }

    @TransactionalEventListener
    void on(EntryRejected e) {
        inbox.send(e.author(), name(e.patient()) + " rejected your entry", "Their comment is with the entry in their record.",
                "doctor/patients");
    }

    @TransactionalEventListener
    void on(ErasureRequested e) {
        String body = name(e.patient()) + " asks to erase a " + RecordLabels.category(e.category()) + " entry.";
        directory.activeUsersWithRole(Role.ADMIN).forEach(admin -> inbox.send(admin, "Erasure requested", body, "admin/erasures"));
    }

    @TransactionalEventListener
    void on(EntryErased e) {
        inbox.send(e.patient(), "Entry erased", "Your " + RecordLabels.category(e.category())
                + " entry was erased. Its fingerprint stays on the ledger; its content is gone.", "patient/record");
    }

    @TransactionalEventListener
    void on(ErasureDeclined e) {
        inbox.send(e.patient(), "Erasure declined", "An admin kept your " + RecordLabels.category(e.category())
                + " entry; you may ask for it again.", "patient/record");
    }

    private void toDoctor(UserId doctor, String title, String body) {
        if (doctor != null) { // a doctor of another install has no inbox here
            inbox.send(doctor, title, body, "doctor/patients");
        }
    }

    private String name(UserId user) {
        return user == null ? "Someone" : directory.find(user).map(UserProfile::fullName).orElse("Someone");
    }

    /** "Dr Jane Doe (St Mary's Hospital)". */
    private String describe(UserId user) {
        return user == null ? "Someone" : directory.find(user).map(p -> p.providerId() == null ? p.fullName()
                : p.fullName() + providers.find(p.providerId()).map(ProviderView::name).map(n -> " (" + n + ")").orElse("")).orElse("Someone");
    }
}

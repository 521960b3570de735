package org.careledger.inbox.internal;

import org.careledger.identity.Role;
import org.careledger.identity.UserDirectory;
import org.careledger.identity.UserId;
import org.careledger.inbox.Inbox;
import org.careledger.records.AccessDenied;
import org.careledger.records.AccessGranted;
import org.careledger.records.AccessRequested;
import org.careledger.records.AccessRevoked;
import org.careledger.records.EmergencyDeclared;
import org.careledger.records.EmergencyReviewed;
import org.careledger.records.RecordLabels;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Tells patients, doctors and admins about consent: access requests and their answers, emergency
 * accesses and their reviews ({@link EntryNotifications} tells about entries). Each listener runs
 * once the change has committed, in a transaction of its own; the event publication registry keeps
 * the event until it has, so a crash in between delays a notification but never loses it. A request
 * or an emergency waiting on someone is handled as soon as it is answered or reviewed.
 * Notifications are plain text in the database, so they never carry clinical content or free text:
 * only who, which kinds of record, why and for how long.
 */
@Component
@Transactional(propagation = Propagation.REQUIRES_NEW)
class RecordsNotifications {

    private final Inbox inbox;
    private final UserDirectory directory;
    private final People people;

    RecordsNotifications(Inbox inbox, UserDirectory directory, People people) {
        this.inbox = inbox;
        this.directory = directory;
        this.people = people;
    }

    @TransactionalEventListener
    void on(AccessRequested e) {
        inbox.send(e.patient(), Subject.accessRequest(e.patient(), e.doctor()), "Access request from " + people.name(e.doctor()),
                people.describe(e.doctor()) + " asks to see your " + RecordLabels.categories(e.categories()) + " records for "
                        + RecordLabels.purpose(e.purpose()) + ", for " + RecordLabels.duration(e.duration()) + ".",
                Links.accessRequest(people.address(e.doctor()).orElse(null)));
    }

    @TransactionalEventListener
    void on(AccessGranted e) {
        inbox.settle(Subject.accessRequest(e.patient(), e.doctor()), e.patient(), "You granted this request", "Granted");
        toDoctor(e.doctor(), people.name(e.patient()) + " granted your request", "You may now see their "
                + RecordLabels.categories(e.categories()) + " records for " + RecordLabels.duration(e.duration()) + ".",
                Links.patientRecord(people.address(e.patient()).orElse(null)));
    }

    @TransactionalEventListener
    void on(AccessDenied e) {
        inbox.settle(Subject.accessRequest(e.patient(), e.doctor()), e.patient(), "You denied this request", "Denied");
        toDoctor(e.doctor(), people.name(e.patient()) + " denied your request",
                e.reasonGiven() ? "They gave a reason, kept with their record." : "No reason was given.",
                Links.patientLookup(people.address(e.patient()).orElse(null)));
    }

    @TransactionalEventListener
    void on(AccessRevoked e) {
        toDoctor(e.doctor(), people.name(e.patient()) + " revoked your access", "You can no longer see their "
                + RecordLabels.categories(e.categories()) + " records.", Links.patientLookup(people.address(e.patient()).orElse(null)));
    }

    @TransactionalEventListener
    void on(EmergencyDeclared e) {
        String body = people.describe(e.doctor()) + " opened " + people.name(e.patient())
                + "'s record in an emergency. The written reason is in the access log.";
        inbox.send(e.patient(), "Emergency access to your record", body, Links.accessLog());
        Subject review = Subject.emergencyReview(e.patient(), e.doctor());
        directory.activeUsersWithRole(Role.ADMIN).forEach(admin -> inbox.send(admin, review, "Emergency access to review", body,
                Links.emergencies()));
    }

    @TransactionalEventListener
    void on(EmergencyReviewed e) {
        String verdict = e.justified() ? "justified" : "not justified";
        inbox.settle(Subject.emergencyReview(e.patient(), e.doctor()), e.admin(), "Reviewed by you: " + verdict,
                "Reviewed by " + people.name(e.admin()) + ": " + verdict);
        toDoctor(e.doctor(), "Your emergency access was reviewed", "An admin found it " + verdict + ".",
                Links.patientLookup(people.address(e.patient()).orElse(null)));
    }

    private void toDoctor(UserId doctor, String title, String body, String link) {
        if (doctor != null) { // a doctor of another install has no inbox here
            inbox.send(doctor, title, body, link);
        }
    }
}

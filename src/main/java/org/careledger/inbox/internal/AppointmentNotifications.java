package org.careledger.inbox.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.careledger.appointments.AppointmentBooked;
import org.careledger.appointments.AppointmentCancelled;
import org.careledger.appointments.AppointmentClosed;
import org.careledger.appointments.AppointmentConfirmed;
import org.careledger.appointments.AppointmentDeclined;
import org.careledger.appointments.AppointmentDue;
import org.careledger.common.TokenAmount;
import org.careledger.identity.UserDirectory;
import org.careledger.inbox.Inbox;
import org.careledger.identity.UserId;
import org.careledger.provider.Providers;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Tells each side of an appointment what the other did, at once: a booking and a cancellation reach
 * the doctor, a confirmation, a decline (a day off included) and a close reach the patient, and the
 * patient is reminded the day before. Times are written in the doctor's hospital's zone, named. Like
 * the other notifications, each runs after the commit in a transaction of its own; the reason for a
 * visit is never in a notification (the pages show it to whoever may see it).
 */
@Component
@Transactional(propagation = Propagation.REQUIRES_NEW)
class AppointmentNotifications {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH);

    private final Inbox inbox;
    private final UserDirectory directory;
    private final Providers providers;

    AppointmentNotifications(Inbox inbox, UserDirectory directory, Providers providers) {
        this.inbox = inbox;
        this.directory = directory;
        this.providers = providers;
    }

    @TransactionalEventListener
    void on(AppointmentBooked e) {
        inbox.send(e.doctor(), "New appointment", e.patientName() + " booked an appointment with you on " + when(e.start(), e.doctor())
                + " (block " + e.blockHeight() + "). Confirm or decline it in your appointments.", "doctor/appointments");
    }

    @TransactionalEventListener
    void on(AppointmentCancelled e) {
        inbox.send(e.doctor(), "Appointment cancelled", e.patientName() + " cancelled the appointment on " + when(e.start(), e.doctor())
                + (e.late() ? ", after the cancellation cut-off: the fee of " + TokenAmount.format(e.fee()) + " tokens was paid to you."
                : "; the slot is free again."), "doctor/appointments");
    }

    @TransactionalEventListener
    void on(AppointmentConfirmed e) {
        inbox.send(e.patient(), "Appointment confirmed", e.doctorName() + " confirmed your appointment on " + when(e.start(), e.doctor())
                + ".", "patient/appointments");
    }

    @TransactionalEventListener
    void on(AppointmentDeclined e) {
        inbox.send(e.patient(), e.dayOff() ? "Appointment cancelled by the doctor" : "Appointment declined", e.doctorName()
                + (e.dayOff() ? " is not available on " : " declined your appointment on ") + when(e.start(), e.doctor())
                + ". Your fee of " + TokenAmount.format(e.fee()) + " tokens was refunded in full (block " + e.blockHeight() + ")."
                + (e.reason() != null && !e.dayOff() ? " The doctor's reason: " + e.reason() : ""), "patient/appointments");
    }

    @TransactionalEventListener
    void on(AppointmentClosed e) {
        inbox.send(e.patient(), e.noShow() ? "Appointment missed" : "Appointment completed", e.doctorName()
                + (e.noShow() ? " marked the appointment on " + when(e.start(), e.doctor()) + " as missed: the fee of "
                : " marked the appointment on " + when(e.start(), e.doctor()) + " as completed: the fee of ")
                + TokenAmount.format(e.fee()) + " tokens went to the doctor, and its paid invoice is in your wallet.", "wallet");
    }

    @TransactionalEventListener
    void on(AppointmentDue e) {
        inbox.send(e.patient(), "Appointment tomorrow", "Reminder: your appointment with " + e.doctorName() + " is on "
                + when(e.start(), e.doctor()) + ". If you cannot come, cancel it in your appointments.", "patient/appointments");
    }

    private String when(Instant start, UserId doctor) {
        ZoneId zone = directory.find(doctor).flatMap(d -> d.providerId() == null ? java.util.Optional.empty() : providers.find(d.providerId()))
               .map(p -> p.zoneOr(ZoneId.systemDefault())).orElse(ZoneId.systemDefault());
        return WHEN.format(start.atZone(zone)) + " (" + zone.getId() + ")";
    }
}

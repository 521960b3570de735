package org.careledger.appointments.ui;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import org.careledger.appointments.AppointmentChanges;
import org.careledger.appointments.AppointmentState;
import org.careledger.appointments.AppointmentView;
import org.careledger.common.TokenAmount;
import org.careledger.common.ui.LedgerPolling;
import org.careledger.identity.CurrentUser;

/**
 * What the appointment pages share: times in a named zone, amounts in tokens, an appointment's state
 * as a badge with what the ledger says of it, whether anything shown still waits for the ledger, and
 * the short key that names a row's buttons.
 */
final class AppointmentsUi {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter SHORT_DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.UK);

    private AppointmentsUi() {
    }

    /** "0.25 tokens", "1 token". */
    static String tokens(long baseUnits) {
        return new TokenAmount(baseUnits).toString();
    }

    /** "09:30" in {@code zone}. */
    static String time(Instant at, ZoneId zone) {
        return TIME.format(at.atZone(zone));
    }

    /** "Mon 15 Dec 2026, 09:30" in {@code zone}. */
    static String when(Instant at, ZoneId zone) {
        return SHORT_DAY.format(at.atZone(zone)) + ", " + time(at, zone);
    }

    /** "09:30–09:45" in {@code zone}. */
    static String span(AppointmentView v, ZoneId zone) {
        return time(v.start(), zone) + "–" + time(v.end(), zone);
    }

    /** "Monday 15 December 2026". */
    static String day(LocalDate date) {
        return DAY.format(date);
    }

    /** The date {@code at} falls on in {@code zone}. */
    static LocalDate dateOf(Instant at, ZoneId zone) {
        return at.atZone(zone).toLocalDate();
    }

    /** A zone as a person recognises it: "Europe/Berlin (UTC+01:00)", "UTC". */
    static String zoneName(ZoneId zone, Instant at) {
        ZoneOffset offset = zone.getRules().getOffset(at);
        String shown = offset.getTotalSeconds() == 0 ? "UTC" : "UTC" + offset.getId();
        return zone.getId().equals("UTC") || zone.getId().equals("Z") ? "UTC" : zone.getId() + " (" + shown + ")";
    }

    /** Whether the appointment waits for the ledger: the booking, or an action on it, on its way. */
    static boolean waiting(AppointmentView v) {
        return v.state() == AppointmentState.ON_ITS_WAY || v.actionOnItsWay() != null;
    }

    /**
     * The state's label, then what the ledger says of it: "booked in block 12", an action on its way,
     * the doctor's reason for declining, or why it was refused.
     */
    static String stateText(AppointmentView v) {
        List<String> parts = new ArrayList<>();
        parts.add(v.state().label());
        details(v).forEach(parts::add);
        return String.join(" · ", parts);
    }

    private static List<String> details(AppointmentView v) {
        List<String> out = new ArrayList<>();
        if (v.bookedBlock() != null && v.state() != AppointmentState.ON_ITS_WAY) {
            out.add("booked in block " + v.bookedBlock());
        }
        if (v.actionOnItsWay() != null) {
            out.add(v.actionOnItsWay() + " on its way to the ledger");
        }
        if (v.declineReason() != null && !v.declineReason().isBlank()) {
            out.add("“" + v.declineReason() + "”");
        }
        if (v.problem() != null && !v.problem().isBlank()) {
            out.add(v.problem());
        }
        return out;
    }

    /** The state as a badge, with what the ledger says of it beside it; {@code id} names the cell's content. */
    static Div state(AppointmentView v, String id) {
        Span badge = new Span(v.state().label());
        badge.getElement().getThemeList().add(switch (v.state()) {
            case ON_ITS_WAY, BOOKED -> "badge";
            case CONFIRMED -> "badge success";
            case COMPLETED -> "badge contrast";
            case CANCELLED, LATE_CANCELLED, DECLINED, NO_SHOW, REFUSED -> "badge error";
        });
        badge.getStyle().set("white-space", "normal");
        Div cell = new Div(badge);
        cell.setId(id);
        List<String> details = details(v);
        if (!details.isEmpty()) {
            cell.add(new Span(" · " + String.join(" · ", details)));
        }
        return cell;
    }

    /** The first twelve letters and digits of the appointment's id: what its buttons' ids end with. */
    static String key(AppointmentView v) {
        String plain = v.id().replaceAll("[^0-9A-Za-z]", "");
        return plain.substring(0, Math.min(12, plain.length()));
    }

    /**
     * Refreshes {@code view} soon after one of the signed-in user's appointments changes on the
     * ledger, while it is attached: the change turns the view's polling on from the ledger's thread,
     * and the next poll, a request of the user's own, refreshes it (and turns polling off again once
     * nothing waits).
     */
    static void followChanges(com.vaadin.flow.component.Component view, AppointmentChanges changes, CurrentUser currentUser,
                              LedgerPolling polling) {
        view.addAttachListener(attach -> currentUser.profile().ifPresent(me -> {
            com.vaadin.flow.component.UI ui = attach.getUI();
            Runnable unsubscribe = changes.subscribe(me.id(), () -> ui.access(() -> polling.pendingIf(true)));
            view.addDetachListener(detach -> {
                unsubscribe.run();
                detach.unregisterListener();
            });
        }));
    }
}

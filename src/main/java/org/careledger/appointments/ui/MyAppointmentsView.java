package org.careledger.appointments.ui;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import org.careledger.appointments.AppointmentBooking;
import org.careledger.appointments.AppointmentView;
import org.careledger.common.ui.BrowserTime;
import org.careledger.appointments.AppointmentChanges;
import org.careledger.common.ui.LedgerPolling;
import org.careledger.identity.CurrentUser;
import org.careledger.common.ui.ResponsiveGrid;
import org.careledger.common.ui.ServiceCalls;
import org.careledger.identity.AppRoles;

/**
 * A patient's appointments: the upcoming ones (with Cancel while the ledger allows it, saying first
 * whether it is free or costs the fee) and the past ones, in the patient's time zone, each with where
 * it stands on the ledger. The page follows the ledger while a booking or an action is on its way, or
 * an appointment waits for the doctor's confirmation.
 */
@Route("patient/appointments")
@PageTitle("My appointments · CareLedger")
@Menu(order = 6, title = "Appointments", icon = "vaadin:calendar-user")
@RolesAllowed(AppRoles.PATIENT)
class MyAppointmentsView extends VerticalLayout {

    private final AppointmentBooking booking;
    private final Clock clock;
    final Paragraph zone = new Paragraph();
    final ResponsiveGrid<AppointmentView> upcoming = new ResponsiveGrid<>();
    final ResponsiveGrid<AppointmentView> past = new ResponsiveGrid<>();
    private final LedgerPolling polling;
    private List<AppointmentView> shown;

    MyAppointmentsView(AppointmentBooking booking, Clock clock, AppointmentChanges changes, CurrentUser currentUser) {
        this.booking = booking;
        this.clock = clock;
        setId("my-appointments");
        Button book = new Button("Book an appointment", VaadinIcon.PLUS.create(),
                e -> UI.getCurrent().navigate(BookAppointmentView.class));
        book.setId("book-appointment-button");
        book.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        zone.setId("my-appointments-zone");
        configure(upcoming, "upcoming-appointments", true, "No upcoming appointments. Book one with a doctor of your choice.");
        configure(past, "past-appointments", false, "No past appointments.");
        add(new H2("My appointments"), book, zone, new H3("Upcoming"), upcoming, new H3("Past"), past);
        polling = new LedgerPolling(this, this::refresh);
        AppointmentsUi.followChanges(this, changes, currentUser, polling);
        refresh();
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        // the browser's time zone may arrive after the view was built
        attachEvent.getUI().getPage().retrieveExtendedClientDetails(details -> {
            shown = null;
            refresh();
        });
    }

    private void configure(ResponsiveGrid<AppointmentView> grid, String id, boolean actions, String empty) {
        grid.setId(id);
        grid.text("When", v -> AppointmentsUi.when(v.start(), BrowserTime.zone()));
        grid.text("Doctor", v -> v.doctorName() + (v.specialty() == null ? "" : ", " + v.specialty()));
        grid.text("Hospital", v -> v.providerName() == null ? "" : v.providerName());
        grid.text("Fee", v -> AppointmentsUi.tokens(v.fee()));
        grid.component("State", v -> AppointmentsUi.state(v, "appointment-state-" + AppointmentsUi.key(v)));
        grid.text("Reason", v -> v.reason() == null ? "" : v.reason());
        if (actions) {
            grid.actions("", this::cancelButton);
        }
        grid.setEmptyStateText(empty);
        grid.setAllRowsVisible(true);
    }

    private Component cancelButton(AppointmentView v) {
        if (!v.cancellable()) {
            return new Div();
        }
        Button cancel = new Button("Cancel…", e -> new CancelAppointmentDialog(booking, v, this::refresh).open());
        cancel.setId("cancel-appointment-" + AppointmentsUi.key(v));
        cancel.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
        return cancel;
    }

    private void refresh() {
        zone.setText("Times are in your time zone, " + AppointmentsUi.zoneName(BrowserTime.zone(), clock.instant()) + ".");
        ServiceCalls.attempt(() -> {
            List<AppointmentView> all = booking.mine();
            if (!all.equals(shown)) {
                shown = all;
                Instant now = clock.instant();
                upcoming.setItems(all.stream().filter(v -> isUpcoming(v, now)).toList());
                past.setItems(all.stream().filter(v -> !isUpcoming(v, now)).sorted(Comparator.comparing(AppointmentView::start).reversed())
                        .toList());
            }
            polling.pendingIf(all.stream().anyMatch(v -> AppointmentsUi.waiting(v)
                    || v.state() == org.careledger.appointments.AppointmentState.BOOKED && isUpcoming(v, clock.instant())));
        }, null);
    }

    /** Still ahead and holding its slot. */
    private static boolean isUpcoming(AppointmentView v, Instant now) {
        return v.state().holdsSlot() && v.end().isAfter(now);
    }
}

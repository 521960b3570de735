package org.careledger.appointments.ui;

import java.time.Clock;

import jakarta.annotation.security.RolesAllowed;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import org.careledger.appointments.DoctorAppointments;
import org.careledger.appointments.DoctorSettings;
import org.careledger.common.ui.LedgerPolling;
import org.careledger.common.ui.ServiceCalls;
import org.careledger.identity.AppRoles;

/**
 * When a doctor can be booked and for how much: their weekly hours, one-off changes (a day off, extra
 * hours) and their fee, all in their hospital's time zone, which the page names. The page follows the
 * ledger while a change of fee is on its way.
 */
@Route("doctor/availability")
@PageTitle("Availability · CareLedger")
@Menu(order = 4, title = "Availability", icon = "vaadin:clock")
@RolesAllowed(AppRoles.DOCTOR)
class AvailabilityView extends VerticalLayout {

    private final DoctorAppointments appointments;
    private final Clock clock;
    final Paragraph zone = new Paragraph();
    final WeeklyHoursEditor weekly;
    final ChangesSection changes;
    final FeeSection fee;
    private final LedgerPolling polling;

    AvailabilityView(DoctorAppointments appointments, Clock clock) {
        this.appointments = appointments;
        this.clock = clock;
        setId("doctor-availability");
        zone.setId("availability-zone");
        weekly = new WeeklyHoursEditor(appointments::setWeeklyHours);
        changes = new ChangesSection(appointments, this::refresh);
        fee = new FeeSection(appointments, this::refresh);
        add(new H2("Availability"), zone, weekly, changes, fee);
        polling = new LedgerPolling(this, this::refresh);
        ServiceCalls.attempt(() -> {
            DoctorSettings settings = appointments.settings();
            weekly.show(settings.weekly());
            show(settings);
        }, null);
    }

    private void refresh() {
        ServiceCalls.attempt(() -> show(appointments.settings()), null);
    }

    private void show(DoctorSettings settings) {
        zone.setText("Your hours are in " + (settings.providerName() == null ? "your hospital" : settings.providerName())
                + "'s time zone, " + AppointmentsUi.zoneName(settings.zone(), clock.instant()) + ".");
        changes.show(settings.changes());
        fee.show(settings);
        polling.pendingIf(settings.feeChangeOnItsWay());
    }
}

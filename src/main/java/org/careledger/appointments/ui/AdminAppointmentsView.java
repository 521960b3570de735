package org.careledger.appointments.ui;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

import jakarta.annotation.security.RolesAllowed;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import org.careledger.appointments.AppointmentAdministration;
import org.careledger.appointments.AppointmentView;
import org.careledger.appointments.ProviderTerms;
import org.careledger.common.ui.LedgerPolling;
import org.careledger.common.ui.ResponsiveGrid;
import org.careledger.common.ui.ServiceCalls;
import org.careledger.identity.AccountAdministration;
import org.careledger.identity.AppRoles;
import org.careledger.identity.UserDirectory;

/**
 * The admins' appointments page: a hospital's day across its doctors (in the hospital's zone, no
 * reasons), its terms (default fee, free cancellation cut-off, time zone) and the doctors'
 * specialties patients search by. The page follows the ledger while a change of terms, or a booking
 * or action shown, is on its way.
 */
@Route("admin/appointments")
@PageTitle("Appointments · CareLedger")
@Menu(order = 7, title = "Appointments", icon = "vaadin:calendar")
@RolesAllowed(AppRoles.ADMIN)
class AdminAppointmentsView extends VerticalLayout {

    private final AppointmentAdministration administration;
    private final Clock clock;
    final Select<ProviderTerms> hospital = new Select<>();
    final DatePicker date = new DatePicker("Date");
    final Paragraph zone = new Paragraph();
    final ResponsiveGrid<AppointmentView> day = new ResponsiveGrid<>();
    final TermsSection terms;
    final SpecialtiesSection specialties;
    private final LedgerPolling polling;
    private List<AppointmentView> shownDay;

    AdminAppointmentsView(AppointmentAdministration administration, AccountAdministration accounts, UserDirectory users, Clock clock) {
        this.administration = administration;
        this.clock = clock;
        setId("admin-appointments");
        terms = new TermsSection(administration, this::refresh);
        specialties = new SpecialtiesSection(accounts, users);
        add(new H2("Appointments"), createDay(), terms, specialties);
        polling = new LedgerPolling(this, this::refresh);
        ServiceCalls.attempt(() -> {
            List<ProviderTerms> all = administration.hospitals();
            hospital.setItems(all);
            if (!all.isEmpty()) {
                hospital.setValue(all.get(0));
            }
            specialties.show(all);
        }, null);
        refresh();
    }

    private Component createDay() {
        hospital.setId("admin-hospital");
        hospital.setLabel("Hospital");
        hospital.setItemLabelGenerator(ProviderTerms::providerName);
        hospital.setWidth("min(22em, 100%)");
        hospital.addValueChangeListener(e -> {
            if (e.getValue() != null && (e.getOldValue() == null || e.getOldValue().providerId() != e.getValue().providerId())) {
                date.setValue(LocalDate.ofInstant(clock.instant(), zoneOf(e.getValue())));
            }
            showDay();
        });
        date.setId("admin-date");
        date.addValueChangeListener(e -> showDay());
        zone.setId("admin-zone");
        day.setId("admin-day");
        day.text("Time", v -> AppointmentsUi.span(v, v.doctorZone()));
        day.text("Doctor", AppointmentView::doctorName);
        day.text("Patient", AppointmentView::patientName);
        day.text("Fee", v -> AppointmentsUi.tokens(v.fee()));
        day.component("State", v -> AppointmentsUi.state(v, "admin-state-" + AppointmentsUi.key(v)));
        day.setEmptyStateText("No appointments at this hospital on this day.");
        day.setAllRowsVisible(true);
        HorizontalLayout choice = new HorizontalLayout(hospital, date);
        choice.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        choice.getStyle().set("flex-wrap", "wrap");
        VerticalLayout box = new VerticalLayout(new H3("A hospital's day"), choice, zone, day);
        box.setPadding(false);
        return box;
    }

    /** The hospital's zone; the install's (the clock's) while it has none. */
    private ZoneId zoneOf(ProviderTerms t) {
        return t.timeZone() == null ? clock.getZone() : ZoneId.of(t.timeZone());
    }

    private void showDay() {
        ProviderTerms t = hospital.getValue();
        if (t == null || date.getValue() == null) {
            return;
        }
        terms.show(t);
        zone.setText("Times are in " + t.providerName() + "'s time zone, " + AppointmentsUi.zoneName(zoneOf(t), clock.instant())
                + (t.timeZone() == null ? ": it has none of its own, so the install's applies." : "."));
        shownDay = null;
        refreshDay();
    }

    private void refreshDay() {
        ProviderTerms t = hospital.getValue();
        if (t == null || date.getValue() == null) {
            return;
        }
        ServiceCalls.attempt(() -> {
            List<AppointmentView> rows = administration.day(t.providerId(), date.getValue());
            if (!Objects.equals(rows, shownDay)) {
                shownDay = rows;
                day.setItems(rows);
            }
        }, null);
    }

    /** Reads the terms and the day again (after a change of terms, and while anything shown waits for the ledger). */
    private void refresh() {
        ServiceCalls.attempt(() -> {
            List<ProviderTerms> all = administration.hospitals();
            ProviderTerms chosen = hospital.getValue();
            ProviderTerms now = chosen == null ? null : all.stream().filter(p -> p.providerId() == chosen.providerId()).findFirst()
                    .orElse(null);
            if (now != null && !now.equals(chosen)) {
                hospital.setItems(all);
                hospital.setValue(now);
            }
            refreshDay();
            boolean waiting = all.stream().anyMatch(ProviderTerms::changeOnItsWay)
                    || shownDay != null && shownDay.stream().anyMatch(AppointmentsUi::waiting);
            polling.pendingIf(waiting);
        }, null);
    }
}

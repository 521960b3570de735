package org.careledger.appointments.ui;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.annotation.security.RolesAllowed;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import org.careledger.appointments.AppointmentView;
import org.careledger.appointments.DoctorAppointments;
import org.careledger.appointments.AppointmentChanges;
import org.careledger.common.ui.LedgerPolling;
import org.careledger.identity.CurrentUser;
import org.careledger.common.ui.ResponsiveGrid;
import org.careledger.common.ui.ServiceCalls;
import org.careledger.identity.AppRoles;

/**
 * A doctor's day or week of appointments, in their hospital's time zone (named on the page): each
 * with its time, patient, reason, fee and state, and the buttons the ledger allows now: Confirm,
 * Decline (with a reason the patient reads), Completed and No-show once it has started. The page
 * follows the ledger while an action is on its way, and the clock while an appointment of the next
 * hour has yet to start (so Completed appears when it does).
 */
@Route("doctor/appointments")
@PageTitle("My appointments · CareLedger")
@Menu(order = 3, title = "Appointments", icon = "vaadin:calendar-user")
@RolesAllowed(AppRoles.DOCTOR)
class DoctorAppointmentsView extends VerticalLayout {

    private final DoctorAppointments appointments;
    private final Clock clock;
    private final ZoneId zone;
    final Tab dayTab = new Tab("Day");
    final Tab weekTab = new Tab("Week");
    final Tabs mode = new Tabs(dayTab, weekTab);
    final DatePicker date = new DatePicker("Date");
    final ResponsiveGrid<AppointmentView> day = new ResponsiveGrid<>();
    final Div week = new Div();
    private final LedgerPolling polling;
    private Object shown;

    DoctorAppointmentsView(DoctorAppointments appointments, Clock clock, AppointmentChanges changes, CurrentUser currentUser) {
        this.appointments = appointments;
        this.clock = clock;
        this.zone = appointments.myZone();
        setId("doctor-appointments");
        Paragraph zoneNote = new Paragraph("Times are in your hospital's time zone, " + AppointmentsUi.zoneName(zone, clock.instant())
                + ".");
        zoneNote.setId("doctor-zone");
        day.setId("doctor-day");
        configure(day, "Nothing booked on this day.");
        week.setId("doctor-week");
        week.setWidthFull();
        week.setVisible(false);
        add(new H2("Appointments"), zoneNote, createControls(), day, week);
        polling = new LedgerPolling(this, this::refresh);
        AppointmentsUi.followChanges(this, changes, currentUser, polling);
        refresh();
    }

    private Component createControls() {
        mode.setId("doctor-mode");
        dayTab.setId("doctor-mode-day");
        weekTab.setId("doctor-mode-week");
        mode.addSelectedChangeListener(e -> show());
        date.setId("doctor-date");
        date.setValue(appointments.today());
        date.addValueChangeListener(e -> {
            if (e.getValue() == null) {
                date.setValue(appointments.today());
            } else {
                show();
            }
        });
        Button previous = new Button("Previous", VaadinIcon.ANGLE_LEFT.create(), e -> move(-1));
        previous.setId("doctor-previous");
        Button next = new Button("Next", VaadinIcon.ANGLE_RIGHT.create(), e -> move(1));
        next.setId("doctor-next");
        next.setIconAfterText(true);
        Button today = new Button("Today", e -> date.setValue(appointments.today()));
        today.setId("doctor-today");
        HorizontalLayout controls = new HorizontalLayout(date, previous, today, next);
        controls.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        controls.getStyle().set("flex-wrap", "wrap");
        VerticalLayout box = new VerticalLayout(mode, controls);
        box.setPadding(false);
        return box;
    }

    private void configure(ResponsiveGrid<AppointmentView> grid, String empty) {
        grid.text("Time", v -> AppointmentsUi.span(v, zone));
        grid.text("Patient", AppointmentView::patientName);
        grid.text("Reason", v -> v.reason() == null ? "" : v.reason());
        grid.text("Fee", v -> AppointmentsUi.tokens(v.fee()));
        grid.component("State", v -> AppointmentsUi.state(v, "doctor-state-" + AppointmentsUi.key(v)));
        grid.actions("", this::actions);
        grid.setEmptyStateText(empty);
        grid.setAllRowsVisible(true);
    }

    private Component actions(AppointmentView v) {
        String key = AppointmentsUi.key(v);
        List<Button> buttons = new ArrayList<>();
        if (v.actionOnItsWay() == null) {
            if (v.confirmable()) {
                buttons.add(button("Confirm", "confirm-" + key, ButtonVariant.LUMO_PRIMARY, () -> appointments.confirm(v.id())));
            }
            if (v.closable()) {
                buttons.add(button("Completed", "complete-" + key, ButtonVariant.LUMO_SUCCESS, () -> appointments.complete(v.id())));
                buttons.add(button("No-show", "noshow-" + key, ButtonVariant.LUMO_CONTRAST, () -> appointments.noShow(v.id())));
            }
            if (v.declinable()) {
                Button decline = new Button("Decline…", e -> new DeclineDialog(appointments, v, zone, this::refresh).open());
                decline.setId("decline-" + key);
                decline.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
                buttons.add(decline);
            }
        }
        if (buttons.isEmpty()) {
            return new Div();
        }
        HorizontalLayout row = new HorizontalLayout(buttons.toArray(Component[]::new));
        row.setSpacing(true);
        row.getStyle().set("flex-wrap", "wrap");
        return row;
    }

    private Button button(String text, String id, ButtonVariant variant, Runnable action) {
        Button b = new Button(text, e -> {
            if (ServiceCalls.attempt(action, null)) {
                refresh();
            }
        });
        b.setId(id);
        b.addThemeVariants(variant, ButtonVariant.LUMO_SMALL);
        return b;
    }

    private void move(int steps) {
        date.setValue(date.getValue().plusDays((long) steps * (weekShown() ? 7 : 1)));
    }

    private boolean weekShown() {
        return mode.getSelectedTab() == weekTab;
    }

    private void show() {
        shown = null;
        refresh();
    }

    private void refresh() {
        boolean weekly = weekShown();
        day.setVisible(!weekly);
        week.setVisible(weekly);
        ServiceCalls.attempt(() -> {
            List<AppointmentView> all;
            if (weekly) {
                Map<LocalDate, List<AppointmentView>> byDay = appointments.week(date.getValue());
                if (!byDay.equals(shown)) {
                    shown = byDay;
                    showWeek(byDay);
                }
                all = byDay.values().stream().flatMap(List::stream).toList();
            } else {
                all = appointments.day(date.getValue());
                if (!Objects.equals(all, shown)) {
                    shown = all;
                    day.setItems(all);
                }
            }
            polling.pendingIf(all.stream().anyMatch(this::changesSoon));
        }, null);
    }

    /** Waits for the ledger, or is about to start (its Completed and No-show then appear). */
    private boolean changesSoon(AppointmentView v) {
        Instant now = clock.instant();
        return AppointmentsUi.waiting(v) || v.state().holdsSlot() && !v.closable() && v.start().isBefore(now.plus(Duration.ofHours(1)))
                && v.end().isAfter(now);
    }

    private void showWeek(Map<LocalDate, List<AppointmentView>> byDay) {
        week.removeAll();
        byDay.forEach((d, views) -> {
            H3 title = new H3(AppointmentsUi.day(d));
            title.setId("week-day-" + d);
            week.add(title);
            if (views.isEmpty()) {
                Paragraph none = new Paragraph("Nothing booked.");
                none.addClassName("cl-empty");
                week.add(none);
            } else {
                ResponsiveGrid<AppointmentView> grid = new ResponsiveGrid<>();
                grid.setId("week-" + d);
                configure(grid, "Nothing booked.");
                grid.setItems(views);
                week.add(grid);
            }
        });
    }
}

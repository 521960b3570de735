package org.careledger.appointments.ui;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import org.careledger.appointments.AppointmentBooking;
import org.careledger.appointments.DoctorCard;
import org.careledger.appointments.Slot;
import org.careledger.common.ui.BrowserTime;
import org.careledger.common.ui.ServiceCalls;

/**
 * A chosen doctor's free slots, a week at a time from a day the patient picks (at most
 * {@value AppointmentBooking#HORIZON_DAYS} days ahead), grouped by day and shown in the patient's own
 * time zone, which the section names. When a slot was just taken, the next free ones the service
 * offered are shown above the week.
 */
class SlotPicker extends VerticalLayout {

    private static final int WEEK = 7;

    private final AppointmentBooking booking;
    private final Clock clock;
    private final Consumer<Slot> chosen;
    final H3 title = new H3();
    final Paragraph zone = new Paragraph();
    final DatePicker from = new DatePicker("Week from");
    final Button previous = new Button("Previous week", VaadinIcon.ANGLE_LEFT.create());
    final Button next = new Button("Next week", VaadinIcon.ANGLE_RIGHT.create());
    final Div taken = new Div();
    final Div days = new Div();
    private DoctorCard doctor;

    SlotPicker(AppointmentBooking booking, Clock clock, Consumer<Slot> chosen) {
        this.booking = booking;
        this.clock = clock;
        this.chosen = chosen;
        setId("slot-section");
        setPadding(false);
        addClassName("cl-card");
        zone.setId("slot-zone");
        from.setId("slot-from");
        from.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                refresh();
            }
        });
        previous.setId("slot-previous");
        previous.addClickListener(e -> moveBy(-WEEK));
        next.setId("slot-next");
        next.setIconAfterText(true);
        next.addClickListener(e -> moveBy(WEEK));
        HorizontalLayout paging = new HorizontalLayout(from, previous, next);
        paging.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        paging.getStyle().set("flex-wrap", "wrap");
        taken.setId("slot-taken");
        taken.setVisible(false);
        taken.getElement().setAttribute("role", "alert");
        days.setId("slot-days");
        days.setWidthFull();
        add(title, zone, taken, paging, days);
        setVisible(false);
    }

    /** The doctor whose slots are shown; null before one is chosen. */
    DoctorCard doctor() {
        return doctor;
    }

    /** Shows the doctor's slots from today. */
    void show(DoctorCard doctor) {
        this.doctor = doctor;
        title.setText("Free slots with " + doctor.name());
        taken.setVisible(false);
        from.setValue(today());
        setVisible(true);
        refresh();
    }

    /** "This slot was just taken": the next free slots, and the week again without the taken one. */
    void showTaken(List<Slot> nextFree) {
        taken.removeAll();
        Paragraph said = new Paragraph(nextFree.isEmpty() ? "This slot was just taken, and the doctor has no other free slot in the next "
                + AppointmentBooking.HORIZON_DAYS + " days." : "This slot was just taken. The next free ones:");
        said.getStyle().set("color", "var(--lumo-error-text-color)");
        taken.add(said, slotButtons(nextFree, true));
        taken.setVisible(true);
        refresh();
    }

    /** Reads the week again (after a booking, which takes its slot). */
    void refresh() {
        if (doctor == null) {
            return;
        }
        ZoneId mine = BrowserTime.zone();
        LocalDate today = today();
        LocalDate last = today.plusDays(AppointmentBooking.HORIZON_DAYS - 1L);
        LocalDate start = from.getValue() == null || from.getValue().isBefore(today) ? today
                : from.getValue().isAfter(last) ? last : from.getValue();
        if (!start.equals(from.getValue())) {
            from.setValue(start);
        }
        from.setMin(today);
        from.setMax(last);
        previous.setEnabled(start.isAfter(today));
        next.setEnabled(start.plusDays(WEEK).isBefore(last.plusDays(1)));
        zone.setText("Times are in your time zone, " + AppointmentsUi.zoneName(mine, clock.instant()) + ". " + doctor.name()
                + " works in " + AppointmentsUi.zoneName(doctor.zone(), clock.instant()) + ".");
        days.removeAll();
        ServiceCalls.attempt(() -> showWeek(start, mine), null);
    }

    private void showWeek(LocalDate start, ZoneId mine) {
        // a day in the patient's zone may begin on the doctor's day before: ask for one day more on each side
        List<Slot> slots = booking.freeSlots(doctor.id(), start.minusDays(1), WEEK + 2);
        Map<LocalDate, List<Slot>> byDay = new LinkedHashMap<>();
        for (Slot s : slots) {
            LocalDate day = AppointmentsUi.dateOf(s.start(), mine);
            if (!day.isBefore(start) && day.isBefore(start.plusDays(WEEK))) {
                byDay.computeIfAbsent(day, d -> new java.util.ArrayList<>()).add(s);
            }
        }
        if (byDay.isEmpty()) {
            Paragraph none = new Paragraph("No free slots in these seven days." + (next.isEnabled() ? " Try the next week." : ""));
            none.setId("slot-none");
            days.add(none);
            return;
        }
        byDay.forEach((day, free) -> {
            Div group = new Div(new H4(AppointmentsUi.day(day)), slotButtons(free, false));
            group.setId("slot-day-" + day);
            days.add(group);
        });
    }

    private Div slotButtons(List<Slot> slots, boolean withDay) {
        ZoneId mine = BrowserTime.zone();
        Div buttons = new Div();
        buttons.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-s)");
        for (Slot s : slots) {
            String text = withDay ? AppointmentsUi.when(s.start(), mine) : AppointmentsUi.time(s.start(), mine);
            Button b = new Button(text, e -> chosen.accept(s));
            b.setId((withDay ? "next-slot-" : "slot-") + s.start().toEpochMilli());
            b.addThemeVariants(ButtonVariant.LUMO_SMALL);
            buttons.add(b);
        }
        return buttons;
    }

    private void moveBy(int daysToMove) {
        LocalDate shown = from.getValue() == null ? today() : from.getValue();
        from.setValue(shown.plusDays(daysToMove));
        refresh();
    }

    private LocalDate today() {
        return AppointmentsUi.dateOf(clock.instant(), BrowserTime.zone());
    }
}

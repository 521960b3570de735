package org.careledger.appointments.ui;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.timepicker.TimePicker;
import org.careledger.appointments.AvailabilityChange;
import org.careledger.appointments.DoctorAppointments;
import org.careledger.common.ui.FieldErrors;
import org.careledger.common.ui.ResponsiveGrid;
import org.careledger.common.ui.ServiceCalls;

/**
 * A doctor's one-off changes: a day off (which declines that day's bookings with a full refund, and
 * says how many) or extra hours on a date; and the coming changes, each with Remove.
 */
class ChangesSection extends VerticalLayout {

    private final DoctorAppointments appointments;
    private final Runnable changed;
    final DatePicker date = new DatePicker("Date");
    final RadioButtonGroup<AvailabilityChange.Kind> kind = new RadioButtonGroup<>("Change");
    final TimePicker from = new TimePicker("From");
    final TimePicker to = new TimePicker("To");
    final IntegerField slot = new IntegerField("Slot minutes");
    final Paragraph result = new Paragraph();
    final ResponsiveGrid<AvailabilityChange> coming = new ResponsiveGrid<>();
    private final FieldErrors errors = new FieldErrors();

    ChangesSection(DoctorAppointments appointments, Runnable changed) {
        this.appointments = appointments;
        this.changed = changed;
        setId("availability-changes");
        setPadding(false);
        addClassName("cl-card");
        date.setId("change-date");
        date.setMin(appointments.today());
        kind.setId("change-kind");
        kind.setItems(AvailabilityChange.Kind.values());
        kind.setItemLabelGenerator(AvailabilityChange.Kind::label);
        kind.setValue(AvailabilityChange.Kind.DAY_OFF);
        kind.addValueChangeListener(e -> showHours());
        from.setId("change-from");
        from.setValue(LocalTime.of(14, 0));
        to.setId("change-to");
        to.setValue(LocalTime.of(16, 0));
        for (TimePicker t : List.of(from, to)) {
            t.setStep(Duration.ofMinutes(15));
            t.setWidth("8em");
            t.setLocale(Locale.UK);
        }
        slot.setId("change-slot");
        slot.setValue(WeeklyHoursEditor.DEFAULT_SLOT_MINUTES);
        slot.setMin(5);
        slot.setMax(240);
        slot.setStepButtonsVisible(true);
        slot.setWidth("9em");
        errors.bind("date", date).bind("hours", to);
        Button addChange = new Button("Add change", e -> addChange());
        addChange.setId("change-add");
        addChange.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout fields = new HorizontalLayout(date, kind, from, to, slot);
        fields.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        fields.getStyle().set("flex-wrap", "wrap");
        result.setId("change-result");
        result.setVisible(false);
        result.getElement().setAttribute("role", "status");
        add(new H3("One-off changes"), new Paragraph("A day off removes that day's hours and declines its bookings, each with a full "
                + "refund to the patient, who is told. Extra hours add slots on that date."), fields, addChange, result, createComing());
        showHours();
    }

    private Component createComing() {
        coming.setId("changes-grid");
        coming.text("Date", c -> AppointmentsUi.day(c.date()));
        coming.text("Change", ChangesSection::describe);
        coming.actions("", c -> {
            Button remove = new Button("Remove", e -> remove(c));
            remove.setId("change-remove-" + c.id());
            remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            return remove;
        });
        coming.setEmptyStateText("No coming changes.");
        coming.setAllRowsVisible(true);
        return coming;
    }

    /** "Day off", "Extra hours 14:00–16:00, 15-minute slots". */
    static String describe(AvailabilityChange c) {
        return c.kind() == AvailabilityChange.Kind.DAY_OFF ? c.kind().label()
                : c.kind().label() + " " + c.from() + "–" + c.to() + ", " + c.slotMinutes() + "-minute slots";
    }

    void show(List<AvailabilityChange> changes) {
        coming.setItems(changes);
    }

    private void showHours() {
        boolean extra = kind.getValue() == AvailabilityChange.Kind.EXTRA_HOURS;
        from.setVisible(extra);
        to.setVisible(extra);
        slot.setVisible(extra);
    }

    private void addChange() {
        errors.clear();
        for (HasValidation f : List.of(from, slot)) {
            f.setInvalid(false);
        }
        boolean extra = kind.getValue() == AvailabilityChange.Kind.EXTRA_HOURS;
        boolean ok = WeeklyHoursEditor.need(date, date.getValue() != null, "Choose a date, today or later");
        if (extra) {
            ok &= WeeklyHoursEditor.need(from, from.getValue() != null, "Type a time, such as 14:00");
            ok &= WeeklyHoursEditor.need(to, to.getValue() != null, "Type a time, such as 16:00");
            ok &= WeeklyHoursEditor.need(slot, slot.getValue() != null, "Type the minutes, 5 to 240");
        }
        if (!ok) {
            return;
        }
        LocalDate on = date.getValue();
        AvailabilityChange change = extra ? AvailabilityChange.extraHours(on, from.getValue(), to.getValue(), slot.getValue())
                : AvailabilityChange.dayOff(on);
        int[] declined = new int[1];
        if (ServiceCalls.attempt(() -> declined[0] = appointments.addChange(change), errors)) {
            result.setText(said(change, declined[0]));
            result.setVisible(true);
            FieldErrors.Notifications.success(result.getText());
            changed.run();
        }
    }

    private static String said(AvailabilityChange change, int declined) {
        String what = (change.kind() == AvailabilityChange.Kind.DAY_OFF ? "Day off" : "Extra hours") + " on "
                + AppointmentsUi.day(change.date()) + " added.";
        if (change.kind() != AvailabilityChange.Kind.DAY_OFF) {
            return what;
        }
        return what + (declined == 0 ? " You had no bookings that day."
                : " " + declined + (declined == 1 ? " booking is" : " bookings are")
                + " declined, each fee refunded in full: on their way to the ledger.");
    }

    private void remove(AvailabilityChange c) {
        if (ServiceCalls.attempt(() -> appointments.removeChange(c.id()), null)) {
            FieldErrors.Notifications.success(describe(c) + " on " + AppointmentsUi.day(c.date()) + " removed");
            changed.run();
        }
    }
}

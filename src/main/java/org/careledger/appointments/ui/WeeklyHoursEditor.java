package org.careledger.appointments.ui;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.timepicker.TimePicker;
import org.careledger.appointments.DoctorSettings;
import org.careledger.appointments.WeeklyHours;
import org.careledger.common.ui.FieldErrors;
import org.careledger.common.ui.ServiceCalls;

/**
 * A doctor's weekly hours as rows of weekday, from, to and slot length, added and removed freely and
 * saved together ({@link org.careledger.appointments.DoctorAppointments#setWeeklyHours}, which judges
 * them: the messages are shown on the rows they name).
 */
class WeeklyHoursEditor extends VerticalLayout {

    static final int DEFAULT_SLOT_MINUTES = 15;

    private final Function<List<WeeklyHours>, DoctorSettings> save;
    private final List<Row> rows = new ArrayList<>();
    final Div list = new Div();
    final Button add = new Button("Add hours", VaadinIcon.PLUS.create());
    final Button saveButton = new Button("Save weekly hours");
    private int made;

    WeeklyHoursEditor(Function<List<WeeklyHours>, DoctorSettings> save) {
        this.save = save;
        setId("weekly-hours");
        setPadding(false);
        addClassName("cl-card");
        list.setId("hours-rows");
        list.setWidthFull();
        add.setId("hours-add");
        add.addClickListener(e -> addRow(nextDefault()));
        saveButton.setId("hours-save");
        saveButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        saveButton.addClickListener(e -> saveAll());
        HorizontalLayout buttons = new HorizontalLayout(add, saveButton);
        buttons.getStyle().set("flex-wrap", "wrap");
        add(new H3("Weekly hours"), new Paragraph("Each row is a span of one weekday, cut into slots that patients can book. "
                + "Changing your hours keeps the bookings already made."), list, buttons);
    }

    /** Shows the saved hours. */
    void show(List<WeeklyHours> hours) {
        rows.clear();
        list.removeAll();
        hours.forEach(this::addRow);
        showEmpty();
    }

    private WeeklyHours nextDefault() {
        DayOfWeek day = rows.isEmpty() || rows.get(rows.size() - 1).day.getValue() == null ? DayOfWeek.MONDAY
                : rows.get(rows.size() - 1).day.getValue().plus(1);
        return new WeeklyHours(day, LocalTime.of(9, 0), LocalTime.of(12, 0), DEFAULT_SLOT_MINUTES);
    }

    private void addRow(WeeklyHours hours) {
        Row row = new Row(made++, hours);
        rows.add(row);
        list.add(row.layout);
        showEmpty();
    }

    private void showEmpty() {
        list.getChildren().filter(c -> c.getId().filter("hours-none"::equals).isPresent()).toList().forEach(list::remove);
        if (rows.isEmpty()) {
            Paragraph none = new Paragraph("No weekly hours: patients can book you only on extra hours you add below.");
            none.setId("hours-none");
            none.addClassName("cl-empty");
            list.add(none);
        }
    }

    private void saveAll() {
        FieldErrors errors = new FieldErrors();
        boolean complete = true;
        List<WeeklyHours> hours = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            row.clear();
            complete &= row.required();
            errors.bind("hours" + i, row.to);
            if (complete) {
                hours.add(row.value());
            }
        }
        if (!complete) {
            return;
        }
        if (ServiceCalls.attempt(() -> show(save.apply(hours).weekly()), errors)) {
            FieldErrors.Notifications.success("Weekly hours saved");
        }
    }

    /** One span of a weekday. */
    private final class Row {

        final Select<DayOfWeek> day = new Select<>();
        final TimePicker from = new TimePicker("From");
        final TimePicker to = new TimePicker("To");
        final IntegerField slot = new IntegerField("Slot minutes");
        final HorizontalLayout layout = new HorizontalLayout();

        Row(int n, WeeklyHours hours) {
            day.setLabel("Day");
            day.setItems(DayOfWeek.values());
            day.setItemLabelGenerator(d -> d.getDisplayName(TextStyle.FULL, Locale.UK));
            day.setValue(hours.day());
            day.setId("hours-day-" + n);
            day.setWidth("10em");
            for (TimePicker t : List.of(from, to)) {
                t.setStep(Duration.ofMinutes(15));
                t.setWidth("8em");
                t.setLocale(Locale.UK);
            }
            from.setValue(hours.from());
            from.setId("hours-from-" + n);
            to.setValue(hours.to());
            to.setId("hours-to-" + n);
            slot.setValue(hours.slotMinutes());
            slot.setMin(5);
            slot.setMax(240);
            slot.setStepButtonsVisible(true);
            slot.setWidth("9em");
            slot.setId("hours-slot-" + n);
            Button remove = new Button("Remove", VaadinIcon.TRASH.create(), e -> {
                rows.remove(this);
                list.remove(layout);
                showEmpty();
            });
            remove.setId("hours-remove-" + n);
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            layout.add(day, from, to, slot, remove);
            layout.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
            // one span per row, told apart on a phone where each row wraps onto several lines
            layout.getStyle().set("flex-wrap", "wrap").set("border-bottom", "1px solid var(--lumo-contrast-10pct)")
                    .set("padding-bottom", "var(--lumo-space-s)");
            layout.setId("hours-row-" + n);
        }

        void clear() {
            for (HasValidation f : List.of(day, from, to, slot)) {
                f.setInvalid(false);
                f.setErrorMessage(null);
            }
        }

        /** Marks each empty field; true if none is. */
        boolean required() {
            boolean ok = need(day, day.getValue() != null, "Choose a day");
            ok &= need(from, from.getValue() != null, "Type a time, such as 09:00");
            ok &= need(to, to.getValue() != null, "Type a time, such as 12:00");
            ok &= need(slot, slot.getValue() != null, "Type the minutes, 5 to 240");
            return ok;
        }

        WeeklyHours value() {
            return new WeeklyHours(day.getValue(), from.getValue(), to.getValue(), slot.getValue());
        }
    }

    static boolean need(HasValidation field, boolean present, String message) {
        if (!present) {
            field.setErrorMessage(message);
            field.setInvalid(true);
        }
        return present;
    }
}

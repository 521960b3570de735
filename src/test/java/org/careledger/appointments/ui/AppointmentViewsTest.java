package org.careledger.appointments.ui;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import org.careledger.appointments.AvailabilityChange;
import org.careledger.appointments.DoctorAppointments;
import org.careledger.appointments.DoctorCard;
import org.careledger.appointments.WeeklyHours;
import org.careledger.identity.DemoAccounts;
import org.careledger.identity.Role;
import org.careledger.identity.TestAccounts;
import org.careledger.identity.UserDirectory;
import org.careledger.identity.UserProfile;
import org.careledger.ui.KaribuTest;
import org.junit.jupiter.api.Test;

import static com.github.mvysny.kaributesting.v10.GridKt._fetch;
import static com.github.mvysny.kaributesting.v10.GridKt._getColumnByHeader;
import static com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The appointment pages' forms as their users meet them: each says what is wrong next to the field
 * (empty fields before asking the service, the service's own rules after), and what it did.
 */
class AppointmentViewsTest extends KaribuTest {

    @Test
    void aDoctorsWeeklyHoursAreSavedAndAWrongSpanIsToldOnItsRow() {
        UserProfile doctor = accounts().active(Role.DOCTOR);
        login(doctor.username(), Role.DOCTOR);
        UI.getCurrent().navigate("doctor/availability");
        _get(AvailabilityView.class);

        _click(_get(Button.class, spec -> spec.withId("hours-add")));
        TimePicker to = _get(TimePicker.class, spec -> spec.withId("hours-to-0"));
        _setValue(to, LocalTime.of(8, 0));
        _click(_get(Button.class, spec -> spec.withId("hours-save")));
        assertThat(to.isInvalid()).isTrue();
        assertThat(to.getErrorMessage()).isEqualTo("Hours run from an earlier to a later time of the same day");

        _setValue(to, LocalTime.of(12, 0));
        _click(_get(Button.class, spec -> spec.withId("hours-save")));
        expectNotifications("Weekly hours saved");
        List<WeeklyHours> saved = TestAccounts.as(doctor, () -> ctx.getBean(DoctorAppointments.class).settings().weekly());
        assertThat(saved).singleElement().satisfies(h -> assertThat(h.from()).isEqualTo(LocalTime.of(9, 0)))
                .satisfies(h -> assertThat(h.to()).isEqualTo(LocalTime.of(12, 0)));
    }

    @Test
    void aDayOffNeedsADateAndSaysThatItDeclinedNothingOnAnEmptyDay() {
        UserProfile doctor = accounts().active(Role.DOCTOR);
        login(doctor.username(), Role.DOCTOR);
        UI.getCurrent().navigate("doctor/availability");
        ChangesSection changes = _get(AvailabilityView.class).changes;

        _click(_get(Button.class, spec -> spec.withId("change-add")));
        assertThat(changes.date.isInvalid()).isTrue();
        assertThat(changes.date.getErrorMessage()).isEqualTo("Choose a date, today or later");

        LocalDate tomorrow = TestAccounts.as(doctor, () -> ctx.getBean(DoctorAppointments.class).today()).plusDays(1);
        _setValue(changes.date, tomorrow);
        _click(_get(Button.class, spec -> spec.withId("change-add")));

        assertThat(changes.result.getText()).isEqualTo("Day off on " + AppointmentsUi.day(tomorrow) + " added. You had no bookings that day.");
        assertThat(_fetch(changes.coming, 0, _size(changes.coming))).singleElement()
                .satisfies(c -> assertThat(c.kind()).isEqualTo(AvailabilityChange.Kind.DAY_OFF));
    }

    @Test
    void theFeeFormAsksForAnAmountAndRefusesAComma() {
        UserProfile doctor = accounts().active(Role.DOCTOR);
        login(doctor.username(), Role.DOCTOR);
        UI.getCurrent().navigate("doctor/availability");
        FeeSection fee = _get(AvailabilityView.class).fee;
        assertThat(fee.current.getText()).isEqualTo("You have no fee, and your hospital has no default: patients cannot book you until you "
                + "set one.");

        _setValue(fee.tokens, "");
        _click(_get(Button.class, spec -> spec.withId("fee-save")));
        assertThat(fee.tokens.getErrorMessage()).isEqualTo("Type your fee in tokens, such as 25 or 12.5");

        _setValue(fee.tokens, "1,5");
        _click(_get(Button.class, spec -> spec.withId("fee-save")));
        assertThat(fee.tokens.isInvalid()).isTrue();
        assertThat(fee.tokens.getErrorMessage()).isNotBlank();
    }

    @Test
    void aPatientSeesADoctorWithoutAFeeAsNotBookableYet() {
        UserProfile doctor = accounts().active(Role.DOCTOR);
        UserProfile patient = accounts().active(Role.PATIENT);
        login(patient.username(), Role.PATIENT);
        UI.getCurrent().navigate("patient/appointments/book");
        BookAppointmentView view = _get(BookAppointmentView.class);

        _setValue(view.search, doctor.fullName());

        DoctorCard found = _fetch(view.doctors, 0, _size(view.doctors)).stream().filter(d -> d.id().equals(doctor.id())).findFirst()
                .orElseThrow();
        assertThat(_getFormattedRow(view.doctors, found)).contains(doctor.fullName(), "Not bookable yet");
    }

    @Test
    void anAdminIsToldACutOffOutOfRangeAndSetsASpecialty() {
        UserProfile doctor = accounts().active(Role.DOCTOR);
        login(DemoAccounts.ADMIN.username(), Role.ADMIN);
        UI.getCurrent().navigate("admin/appointments");
        AdminAppointmentsView view = _get(AdminAppointmentsView.class);

        _setValue(view.terms.cutoff, 999);
        _click(_get(Button.class, spec -> spec.withId("terms-save")));
        assertThat(view.terms.cutoff.isInvalid()).isTrue();
        assertThat(view.terms.cutoff.getErrorMessage()).isEqualTo("A cut-off is 0 to 168 hours before the appointment");

        HorizontalLayout cell = specialtyCell(view, doctor);
        TextField specialty = (TextField) cell.getComponentAt(0);
        _setValue(specialty, "Cardiology");
        _click((Button) cell.getComponentAt(1));
        expectNotifications(doctor.fullName() + "'s specialty is Cardiology");
        assertThat(ctx.getBean(UserDirectory.class).find(doctor.id()).orElseThrow().specialty()).isEqualTo("Cardiology");
    }

    /** The doctor's Specialty cell as the grid renders it: the field and its Save. */
    @SuppressWarnings("unchecked")
    private static HorizontalLayout specialtyCell(AdminAppointmentsView view, UserProfile doctor) {
        UserProfile shown = _fetch(view.specialties.doctors, 0, _size(view.specialties.doctors)).stream()
                .filter(d -> d.id().equals(doctor.id())).findFirst().orElseThrow();
        return ((ComponentRenderer<HorizontalLayout, UserProfile>) _getColumnByHeader(view.specialties.doctors, "Specialty").getRenderer())
                .createComponent(shown);
    }
}

package org.careledger.appointments.ui;

import java.time.Clock;
import jakarta.annotation.security.RolesAllowed;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import org.careledger.appointments.AppointmentBooking;
import org.careledger.appointments.AppointmentView;
import org.careledger.appointments.BookingQuote;
import org.careledger.appointments.DoctorCard;
import org.careledger.appointments.Slot;
import org.careledger.appointments.SlotTakenException;
import org.careledger.common.ui.BrowserTime;
import org.careledger.common.ui.LedgerPolling;
import org.careledger.common.ui.ResponsiveGrid;
import org.careledger.common.ui.ServiceCalls;
import org.careledger.identity.AppRoles;

/**
 * Booking, as a patient does it: find a doctor by name, specialty or hospital; choose one that can be
 * booked; choose one of their free slots, shown in the patient's own time zone; confirm the fee and
 * the cancellation rule, with an optional reason for the visit; then follow the booking to its block.
 */
@Route("patient/appointments/book")
@PageTitle("Book an appointment · CareLedger")
@Menu(order = 7, title = "Book an appointment", icon = "vaadin:calendar-clock")
@RolesAllowed(AppRoles.PATIENT)
class BookAppointmentView extends VerticalLayout {

    private final AppointmentBooking booking;
    private final Clock clock;
    final TextField search = new TextField("Find a doctor");
    final ResponsiveGrid<DoctorCard> doctors = new ResponsiveGrid<>();
    final SlotPicker slots;
    final Div result = new Div();
    final Div resultState = new Div();
    private final LedgerPolling polling;
    private AppointmentView made;

    BookAppointmentView(AppointmentBooking booking, Clock clock) {
        this.booking = booking;
        this.clock = clock;
        setId("book-appointment");
        this.slots = new SlotPicker(booking, clock, this::choose);
        Paragraph intro = new Paragraph("Choose a doctor, then one of their free slots. The fee is held on the ledger when you book "
                + "and goes to the doctor once the appointment has taken place; you see the cancellation rule before you book.");
        add(new H2("Book an appointment"), intro, createSearch(), createDoctors(), createResult(), slots);
        polling = new LedgerPolling(this, this::refreshBooking);
        find();
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        // the browser's time zone may arrive after the view was built: show the slots in it once it has
        attachEvent.getUI().getPage().retrieveExtendedClientDetails(details -> slots.refresh());
    }

    private Component createSearch() {
        search.setId("doctor-search");
        search.setPlaceholder("Name, specialty or hospital");
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> find());
        search.setWidth("min(28em, 100%)");
        Button go = new Button("Search", e -> find());
        go.setId("doctor-search-button");
        HorizontalLayout row = new HorizontalLayout(search, go);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        row.getStyle().set("flex-wrap", "wrap");
        row.setWidthFull();
        return row;
    }

    private ResponsiveGrid<DoctorCard> createDoctors() {
        doctors.setId("doctor-grid");
        doctors.text("Doctor", DoctorCard::name);
        doctors.text("Specialty", d -> d.specialty() == null ? "" : d.specialty());
        doctors.text("Hospital", d -> d.providerName() == null ? "" : d.providerName());
        doctors.text("Fee", d -> d.bookable() ? AppointmentsUi.tokens(d.fee()) : "Not bookable yet");
        doctors.actions("", this::chooseButton);
        doctors.setEmptyStateText("No doctor matches. Try part of a name, a specialty such as Cardiology, or a hospital's name.");
        doctors.setAllRowsVisible(true);
        return doctors;
    }

    private Component chooseButton(DoctorCard d) {
        if (!d.bookable()) {
            return new Div();
        }
        Button choose = new Button("See free slots", e -> slots.show(d));
        choose.setId("choose-doctor-" + d.id().value());
        choose.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
        return choose;
    }

    private Component createResult() {
        result.setId("booking-result");
        result.addClassName("cl-card");
        result.setVisible(false);
        resultState.setId("booking-state");
        return result;
    }

    private void find() {
        ServiceCalls.attempt(() -> doctors.setItems(booking.findDoctors(search.getValue())), null);
    }

    private void choose(Slot slot) {
        DoctorCard doctor = slots.doctor();
        try {
            BookingQuote quote = booking.quote(doctor.id(), slot.start());
            new BookingDialog(booking, quote, clock, this::booked, slots::showTaken).open();
        } catch (SlotTakenException taken) {
            slots.showTaken(taken.nextFree());
        } catch (RuntimeException other) {
            ServiceCalls.report(other);
        }
    }

    private void booked(AppointmentView v) {
        made = v;
        result.removeAll();
        Paragraph summary = new Paragraph("You booked " + v.doctorName() + " on " + AppointmentsUi.when(v.start(), BrowserTime.zone())
                + " for " + AppointmentsUi.tokens(v.fee()) + ".");
        summary.setId("booking-summary");
        RouterLink mine = new RouterLink("See all your appointments", MyAppointmentsView.class);
        mine.setId("booking-to-mine");
        result.add(new H3("Your booking"), summary, resultState, mine);
        result.setVisible(true);
        showState(v);
        slots.refresh();
        result.scrollIntoView();
    }

    private void refreshBooking() {
        if (made == null) {
            return;
        }
        ServiceCalls.attempt(() -> showState(booking.find(made.id())), null);
    }

    private void showState(AppointmentView v) {
        made = v;
        resultState.removeAll();
        resultState.add(AppointmentsUi.state(v, "booking-state-" + AppointmentsUi.key(v)));
        polling.pendingIf(AppointmentsUi.waiting(v));
    }
}

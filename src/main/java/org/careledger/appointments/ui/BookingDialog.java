package org.careledger.appointments.ui;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Consumer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import org.careledger.appointments.AppointmentBooking;
import org.careledger.appointments.AppointmentView;
import org.careledger.appointments.BookingQuote;
import org.careledger.appointments.DoctorCard;
import org.careledger.appointments.NotEnoughTokensException;
import org.careledger.appointments.Slot;
import org.careledger.appointments.SlotTakenException;
import org.careledger.common.ui.BrowserTime;
import org.careledger.common.ui.FieldErrors;
import org.careledger.common.ui.ServiceCalls;

/**
 * The last step before booking: when and with whom, the fee and what the patient has to spend, the
 * cancellation rule in plain words, and an optional reason for the visit that only the doctor sees.
 * Not enough tokens is said here with a way to the wallet; a slot taken meanwhile closes the dialog
 * and hands the next free slots back.
 */
class BookingDialog extends Dialog {

    final TextArea reason = new TextArea("Reason for the visit (optional)");
    final Button book = new Button("Book");
    final Div notEnough = new Div();
    private final FieldErrors errors = new FieldErrors();

    BookingDialog(AppointmentBooking booking, BookingQuote quote, Clock clock, Consumer<AppointmentView> booked,
                  Consumer<List<Slot>> taken) {
        setId("book-dialog");
        DoctorCard doctor = quote.doctor();
        ZoneId mine = BrowserTime.zone();
        setHeaderTitle("Book " + doctor.name() + "?");
        long minutes = Duration.between(quote.slot().start(), quote.slot().end()).toMinutes();
        Paragraph when = new Paragraph(AppointmentsUi.when(quote.slot().start(), mine) + " (" + minutes + " minutes, your time) with "
                + doctor.name() + (doctor.specialty() == null ? "" : ", " + doctor.specialty())
                + (doctor.providerName() == null ? "" : ", " + doctor.providerName()) + ".");
        when.setId("book-when");
        Paragraph fee = new Paragraph("Fee: " + AppointmentsUi.tokens(quote.fee()) + ", held on the ledger until the appointment. "
                + "You have " + AppointmentsUi.tokens(quote.spendable()) + " to spend.");
        fee.setId("book-fee");
        Paragraph rule = new Paragraph(rule(quote, clock, mine));
        rule.setId("book-rule");
        reason.setId("book-reason");
        reason.setMaxLength(AppointmentBooking.MAX_REASON_LENGTH);
        reason.setHelperText("Only the doctor sees it. At most " + AppointmentBooking.MAX_REASON_LENGTH + " characters.");
        reason.setWidthFull();
        errors.bind("reason", reason);
        notEnough.setId("book-not-enough");
        notEnough.getElement().setAttribute("role", "alert");
        notEnough.getStyle().set("color", "var(--lumo-error-text-color)");
        notEnough.setVisible(false);
        add(when, fee, rule, reason, notEnough);
        if (!quote.affordable()) {
            showNotEnough(new NotEnoughTokensException(quote.fee(), quote.spendable()).getMessage());
        }
        Button back = new Button("Back", e -> close());
        back.setId("book-back");
        book.setId("book-confirm");
        book.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        book.addClickListener(e -> {
            try {
                errors.clear();
                AppointmentView made = booking.book(doctor.id(), quote.slot().start(), quote.fee(), reason.getValue());
                close();
                booked.accept(made);
            } catch (SlotTakenException slotTaken) {
                close();
                taken.accept(slotTaken.nextFree());
            } catch (NotEnoughTokensException broke) {
                showNotEnough(broke.getMessage());
            } catch (RuntimeException other) {
                ServiceCalls.attempt(() -> {
                    throw other;
                }, errors);
            }
        });
        getFooter().add(new HorizontalLayout(back, book));
        setWidth("40rem");
        setMaxWidth("calc(100vw - 1rem)");
    }

    /** The rule agreed to, said before booking: until when cancelling is free, and what happens after. */
    private static String rule(BookingQuote quote, Clock clock, ZoneId mine) {
        String until = AppointmentsUi.when(quote.freeCancellationUntil(), mine);
        if (quote.freeCancellationUntil().isAfter(clock.instant())) {
            return "Free cancellation until " + until + " (allow a few minutes for the ledger). After that, or if you miss the "
                    + "appointment, the fee goes to the doctor.";
        }
        long hours = quote.doctor().cutoffMillis() / 3_600_000;
        return "Free cancellation for this slot ended at " + until + " (" + hours + (hours == 1 ? " hour" : " hours")
                + " before it starts): if you cancel, or miss the appointment, the fee goes to the doctor.";
    }

    private void showNotEnough(String message) {
        notEnough.removeAll();
        Anchor wallet = new Anchor("wallet", "Open your wallet");
        wallet.setId("book-wallet-link");
        notEnough.add(new Paragraph(message), wallet);
        notEnough.setVisible(true);
        book.setEnabled(false);
    }
}

package org.careledger.appointments.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import org.careledger.appointments.AppointmentBooking;
import org.careledger.appointments.AppointmentView;
import org.careledger.common.ui.BrowserTime;
import org.careledger.common.ui.FieldErrors;
import org.careledger.common.ui.ServiceCalls;

/** A patient's cancellation of one appointment, saying first whether it is free or costs the fee (as the service judges it). */
class CancelAppointmentDialog extends Dialog {

    CancelAppointmentDialog(AppointmentBooking booking, AppointmentView v, Runnable cancelled) {
        setId("cancel-dialog");
        setHeaderTitle("Cancel your appointment with " + v.doctorName() + "?");
        String until = AppointmentsUi.when(v.freeCancellationUntil(), BrowserTime.zone());
        Paragraph cost = new Paragraph(v.cancelCostsFee()
                ? "Cancelling now costs you the fee: " + AppointmentsUi.tokens(v.fee()) + ", paid to " + v.doctorName()
                        + ". Free cancellation ended at " + until + ", or ends too soon for the ledger to be sure of it."
                : "Cancelling now is free: the fee of " + AppointmentsUi.tokens(v.fee()) + " comes back to your wallet in full "
                        + "(free until " + until + ").");
        cost.setId("cancel-cost");
        Paragraph when = new Paragraph(AppointmentsUi.when(v.start(), BrowserTime.zone()) + (v.providerName() == null ? ""
                : ", " + v.providerName()) + ".");
        Button keep = new Button("Keep it", e -> close());
        keep.setId("cancel-keep");
        Button confirm = new Button(v.cancelCostsFee() ? "Cancel and pay the fee" : "Cancel for free", e -> {
            if (ServiceCalls.attempt(() -> booking.cancel(v.id()), null)) {
                close();
                FieldErrors.Notifications.success("Cancellation on its way to the ledger");
                cancelled.run();
            }
        });
        confirm.setId("cancel-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        add(when, cost);
        getFooter().add(new HorizontalLayout(keep, confirm));
        setWidth("36rem");
        setMaxWidth("calc(100vw - 1rem)");
    }
}

package org.careledger.appointments.ui;

import java.time.ZoneId;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import org.careledger.appointments.AppointmentView;
import org.careledger.appointments.DoctorAppointments;
import org.careledger.common.ui.FieldErrors;
import org.careledger.common.ui.ServiceCalls;

/** A doctor's decline of one appointment: a reason the patient reads (required), then the full refund. */
class DeclineDialog extends Dialog {

    final TextArea reason = new TextArea("Reason, for the patient");

    DeclineDialog(DoctorAppointments appointments, AppointmentView v, ZoneId zone, Runnable declined) {
        setId("decline-dialog");
        setHeaderTitle("Decline " + v.patientName() + "'s appointment?");
        reason.setId("decline-reason");
        reason.setRequired(true);
        reason.setMaxLength(DoctorAppointments.MAX_REASON_LENGTH);
        reason.setHelperText("The patient reads it with the news. At most " + DoctorAppointments.MAX_REASON_LENGTH + " characters.");
        reason.setWidthFull();
        FieldErrors errors = new FieldErrors().bind("reason", reason);
        Button keep = new Button("Keep it", e -> close());
        keep.setId("decline-keep");
        Button confirm = new Button("Decline and refund", e -> {
            if (reason.getValue().isBlank()) {
                reason.setErrorMessage("Tell the patient why you decline");
                reason.setInvalid(true);
                return;
            }
            if (ServiceCalls.attempt(() -> appointments.decline(v.id(), reason.getValue()), errors)) {
                close();
                FieldErrors.Notifications.success("Decline on its way to the ledger; the patient's fee goes back in full");
                declined.run();
            }
        });
        confirm.setId("decline-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        add(new Paragraph(AppointmentsUi.when(v.start(), zone) + ", " + AppointmentsUi.tokens(v.fee())
                + ". The fee goes back to the patient in full."), reason);
        getFooter().add(new HorizontalLayout(keep, confirm));
        setWidth("36rem");
        setMaxWidth("calc(100vw - 1rem)");
    }
}

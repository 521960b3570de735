package org.careledger.pharmacy.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import org.careledger.common.ui.ServiceCalls;
import org.careledger.common.ui.FieldErrors;
import org.careledger.pharmacy.Prescribing;
import org.careledger.pharmacy.PrescriptionView;

/** The prescriber's cancellation of one prescription: a reason (required by the service), then the call. */
class CancelPrescriptionDialog extends Dialog {

    CancelPrescriptionDialog(Prescribing prescribing, PrescriptionView p, Runnable cancelled) {
        setHeaderTitle("Cancel " + p.medicineName() + "?");
        TextArea reason = new TextArea("Reason");
        reason.setId("rx-cancel-reason");
        reason.setMaxLength(500);
        reason.setWidthFull();
        FieldErrors errors = new FieldErrors().bind("reason", reason);
        Button confirm = new Button("Cancel the prescription", e -> {
            if (ServiceCalls.attempt(() -> prescribing.cancel(p.id(), reason.getValue()), errors)) {
                close();
                FieldErrors.Notifications.success("Cancellation on its way to the ledger");
                cancelled.run();
            }
        });
        confirm.setId("rx-cancel-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        Button keep = new Button("Keep it", e -> close());
        add(new Paragraph("The patient and any pharmacy it was sent to will see it cancelled; what was dispensed stays dispensed."),
                reason);
        getFooter().add(new HorizontalLayout(keep, confirm));
    }
}

package org.careledger.records.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.TextArea;
import org.careledger.common.ui.FieldErrors;
import org.careledger.common.ui.ServiceCalls;
import org.careledger.records.AccessRequestView;
import org.careledger.records.ConsentLimits;
import org.careledger.records.PatientConsent;

/** Denies a request, with a reason the doctor reads if the patient gives one. */
class DenyDialog extends Dialog {

    final Button denyButton;

    final TextArea reason = new TextArea("Reason for the doctor (optional)");

    DenyDialog(PatientConsent consents, AccessRequestView request, Runnable afterDecision) {
        setId("deny-dialog");
        setHeaderTitle("Deny the request");
        RecordsUi.fitToScreen(this);
        reason.setId("deny-reason");
        reason.setWidthFull();
        reason.setMaxLength(ConsentLimits.MAX_NOTE);
        FieldErrors errors = new FieldErrors().bind("reason", reason);
        denyButton = new Button("Deny", click -> {
            if (ServiceCalls.attempt(() -> consents.deny(request.requestId(), reason.getValue()), errors)) {
                close();
                FieldErrors.Notifications.success("Request denied");
                afterDecision.run();
            }
        });
        denyButton.setId("deny-confirm-button");
        denyButton.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        add(reason);
        getFooter().add(new Button("Cancel", click -> close()), denyButton);
    }
}

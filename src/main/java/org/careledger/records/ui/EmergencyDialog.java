package org.careledger.records.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import org.careledger.common.ui.FieldErrors;
import org.careledger.common.ui.ServiceCalls;
import org.careledger.crypto.Address;
import org.careledger.records.ConsentLimits;
import org.careledger.records.DoctorConsent;

/**
 * Break-glass: a doctor opens a patient's record without consent by writing why. The reason is
 * sealed off chain, the access is on the ledger, and the patient and the admins are told.
 */
class EmergencyDialog extends Dialog {

    final Button declareButton;

    final TextArea reason = new TextArea("Why is this an emergency?");

    EmergencyDialog(DoctorConsent consents, Address patient, Runnable afterDeclared) {
        setHeaderTitle("Declare an emergency");
        RecordsUi.fitToScreen(this);
        setId("emergency-dialog");
        reason.setId("emergency-reason");
        reason.setWidthFull();
        reason.setMinHeight("8em");
        reason.setMaxLength(ConsentLimits.MAX_NOTE);
        reason.setHelperText("At least " + ConsentLimits.MIN_EMERGENCY_REASON + " characters. The patient and the admins read it; an admin reviews the access.");
        FieldErrors errors = new FieldErrors().bind("reason", reason);
        declareButton = new Button("Open the record in an emergency", click -> {
            if (ServiceCalls.attempt(() -> consents.declareEmergency(patient, reason.getValue()), errors)) {
                close();
                FieldErrors.Notifications.success("Emergency access declared; it is on the ledger");
                afterDeclared.run();
            }
        });
        declareButton.setId("emergency-confirm-button");
        declareButton.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button("Cancel", click -> close());
        add(new Paragraph("Emergency access opens every category of the record for a limited time, without the patient's consent."), reason);
        getFooter().add(cancel, declareButton);
    }

    /**
     * The emergency path, set apart below the normal one: what it does and its button
     * ({@code declare-emergency-button}), which opens this dialog.
     */
    static Div section(DoctorConsent consents, Address patient, Runnable afterDeclared) {
        Button emergency = new Button("Declare emergency", click -> new EmergencyDialog(consents, patient, afterDeclared).open());
        emergency.setId("declare-emergency-button");
        emergency.addThemeVariants(ButtonVariant.LUMO_ERROR);
        Div section = new Div(new H4("In an emergency"),
                new Paragraph("Only if the patient cannot consent and you must see their record now: you can open it without consent "
                        + "for a limited time. You write why; the access is on the ledger, the patient and the admins are told, "
                        + "and an admin reviews it."),
                emergency);
        section.addClassName("emergency-path");
        // set apart from the normal path above it: a rule and some room
        section.getStyle().set("margin-top", "var(--lumo-space-l)").set("padding-top", "var(--lumo-space-s)")
                .set("border-top", "1px solid var(--lumo-contrast-20pct)");
        return section;
    }
}
